/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the detector. See hark_detector.h for the rule.
 */

#include "hark_detector.h"

#include <stddef.h>
#include <string.h>

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

int32_t hark_detector_push(hark_detector *detector, int32_t posterior, hark_detection *detection)
{
    if (detector == NULL || detection == NULL || posterior < 0 || posterior > 255)
    {
        return -1;
    }
    const hark_detector_settings *s = &detector->settings;
    detector->sum += posterior - detector->history[detector->next_slot];
    detector->history[detector->next_slot] = (uint8_t)posterior;
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
