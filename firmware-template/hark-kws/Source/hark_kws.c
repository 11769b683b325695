/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the listening engine. See hark_kws.h.
 */

#include "hark_kws.h"

#include <string.h>

#include "hark_nnfunctions.h"

arm_cmsis_nn_status hark_kws_init(hark_kws *kws, int8_t *arena, size_t arena_size, const hark_kws_config *config)
{
    hark_detector probe;
    if (kws == NULL || arena == NULL || config == NULL || arena_size < (size_t)HARK_KWS_ARENA_SIZE ||
        ((uintptr_t)arena % HARK_KWS_ARENA_ALIGNMENT) != 0 || hark_detector_init(&probe, &config->detection) != 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    kws->config = *config;
    kws->arena = arena;
    hark_kws_reset(kws);
    return ARM_CMSIS_NN_SUCCESS;
}

void hark_kws_reset(hark_kws *kws)
{
    hark_frontend_init(&kws->frontend);
    memset(kws->window, 0, sizeof(kws->window));
    hark_network_reset(kws->arena);
    (void)hark_detector_init(&kws->detector, &kws->config.detection); /* checked in hark_kws_init */
    kws->samples = 0;
    kws->frames = 0;
    kws->steps = 0;
}

/* Each traced tensor of a step: the logits kept for the keyword score, and every one handed to the caller's trace. */
static void take_trace(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    hark_kws *kws = (hark_kws *)user;
    if (layer == HARK_KEYWORD_LOGITS_LAYER)
    {
        memcpy(kws->logits, data, sizeof(kws->logits));
    }
    if (kws->config.trace != NULL)
    {
        kws->config.trace(layer, data, size, kws->config.trace_user);
    }
}

/* One feature frame: into the window, and a network step and the detector when it completes one. */
static arm_cmsis_nn_status take_frame(hark_kws *kws)
{
    const hark_kws_config *c = &kws->config;
    if (c->on_frame != NULL)
    {
        c->on_frame(kws->frame, c->frame_user);
    }
    HARK_CHECK(hark_window_push_s8(kws->window, HARK_FRAME_SIZE, HARK_WINDOW_FRAMES, kws->frame));
    kws->frames++;
    if (kws->frames < HARK_WINDOW_FRAMES || (kws->frames - HARK_WINDOW_FRAMES) % HARK_HOP_FRAMES != 0)
    {
        return ARM_CMSIS_NN_SUCCESS;
    }
    HARK_CHECK(hark_network_step(kws->arena, kws->window, kws->probabilities, take_trace, kws));
    const uint32_t step = kws->steps++;
    static const hark_keyword_score_params score_params = HARK_KEYWORD_SCORE_PARAMS;
    hark_detection detection;
    const int32_t score = hark_keyword_score(kws->logits, &score_params);
    if (hark_detector_push(&kws->detector, score, &detection) == 1 && c->on_event != NULL)
    {
        const hark_kws_event event = {step, kws->samples, detection.score};
        c->on_event(&event, c->event_user);
    }
    return ARM_CMSIS_NN_SUCCESS;
}

arm_cmsis_nn_status hark_kws_process(hark_kws *kws, const int16_t *pcm, size_t n)
{
    if (kws == NULL || (pcm == NULL && n > 0))
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    hark_frontend_pcm rest = {pcm, n};
    size_t taken = 0;
    while (hark_frontend_push(&kws->frontend, &rest, kws->frame))
    {
        kws->samples += (uint64_t)(n - rest.count - taken);
        taken = n - rest.count;
        HARK_CHECK(take_frame(kws));
    }
    kws->samples += (uint64_t)(n - taken);
    return ARM_CMSIS_NN_SUCCESS;
}
