/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the detector. See hark_detector.h for the rule.
 */

#include "hark_detector.h"

#include <stddef.h>
#include <string.h>

#include "arm_nnsupportfunctions.h"

int32_t hark_keyword_score(const int8_t *logits, const hark_keyword_score_params *params)
{
    int32_t rival = INT8_MIN;
    for (int32_t i = 0; i < params->classes; i++)
    {
        if (i != params->keyword_class && logits[i] > rival)
        {
            rival = logits[i];
        }
    }
    const int32_t margin = (int32_t)logits[params->keyword_class] - rival;
    const int32_t score =
        HARK_KEYWORD_SCORE_EVEN + arm_nn_requantize(margin, params->multiplier, params->shift);
    return score < 0 ? 0 : score > 255 ? 255 : score;
}

int32_t hark_detector_init(hark_detector *detector, const hark_detector_settings *settings)
{
    if (detector == NULL || settings == NULL || settings->smoothing_steps < 1 ||
        settings->smoothing_steps > HARK_DETECTOR_MAX_SMOOTHING_STEPS || settings->threshold < 1 ||
        settings->threshold > 255 || settings->refractory_steps < 0)
    {
        return -1;
    }
    memset(detector, 0, sizeof(*detector));
    detector->settings = *settings;
    return 0;
}

int32_t hark_detector_push(hark_detector *detector, int32_t score, hark_detection *detection)
{
    if (detector == NULL || detection == NULL || score < 0 || score > 255)
    {
        return -1;
    }
    const hark_detector_settings *s = &detector->settings;
    detector->sum += score - detector->history[detector->next_slot];
    detector->history[detector->next_slot] = (uint8_t)score;
    detector->next_slot = detector->next_slot + 1 == s->smoothing_steps ? 0 : detector->next_slot + 1;
    const uint32_t current = detector->step++;
    if (current < detector->quiet_until || detector->sum < s->threshold * s->smoothing_steps)
    {
        return 0;
    }
    detector->quiet_until = current + 1u + (uint32_t)s->refractory_steps;
    detection->step = current;
    detection->score = detector->sum / s->smoothing_steps;
    return 1;
}
