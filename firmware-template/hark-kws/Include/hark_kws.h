/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the listening engine. 16 kHz mono int16 PCM in, keyword detections out.
 *
 *     PCM -> front end (a 40-value feature frame every 10 ms) -> window of the network's last frames
 *         -> one network step every HARK_HOP_FRAMES frames (hark_network_step, state kept in the arena)
 *         -> keyword score from the step's logits -> detector (smoothing, threshold, refractory period) -> event
 *
 * Each part computes exactly what the Java simulator computes for the same audio (front end, network and detector
 * are bit-exact with it), however the audio is split into calls.
 *
 * Memory: everything lives in the caller's hark_kws (about 8 KB plus the frame window) and the caller's arena of
 * HARK_KWS_ARENA_SIZE bytes, aligned to HARK_KWS_ARENA_ALIGNMENT. No heap, no global state: two engines with their
 * own hark_kws and arena listen independently.
 *
 *     static hark_kws kws;
 *     static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
 *     const hark_kws_config config = {HARK_DETECTOR_SETTINGS, on_keyword, NULL, NULL, NULL, NULL, NULL};
 *     hark_kws_init(&kws, arena, sizeof(arena), &config);
 *     for (;;) {
 *         hark_kws_process(&kws, next_audio_block(), block_samples);   // calls on_keyword on a detection
 *     }
 *
 * HARK_DETECTOR_SETTINGS (the generated hark_model_settings.h) is the detector chosen for the model, the one its
 * figures were measured with; a hark_detector_settings literal such as {5, 192, 12} works as well.
 *
 * This file needs the generated hark_network.h of a network generated for streaming (it defines HARK_HOP_FRAMES)
 * and hark_frontend_tables.h, and links with hark_network.c, hark_frontend_tables.c, the front end, the detector,
 * the hark kernels and CMSIS-NN.
 */

#ifndef HARK_KWS_H
#define HARK_KWS_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nn_types.h"
#include "hark_detector.h"
#include "hark_frontend.h"
#include "hark_network.h"

#ifdef __cplusplus
extern "C" {
#endif

#if !defined(HARK_HOP_FRAMES)
#error "hark_kws needs a network generated for streaming (hark_network.h defines no HARK_HOP_FRAMES)"
#endif
#if HARK_FRAME_SIZE != HARK_FRONTEND_MEL_BINS
#error "the network's feature frames are not the front end's: it was trained on another front end"
#endif

/** The arena the caller lends the engine: the streaming network's, which also keeps its state between steps. */
#define HARK_KWS_ARENA_SIZE HARK_ARENA_SIZE
#define HARK_KWS_ARENA_ALIGNMENT HARK_ARENA_ALIGNMENT

#if !defined(HARK_KEYWORD_SCORE_PARAMS)
#error "hark_kws needs a classifier: the network ends in no dense layer of logits and their softmax"
#endif

/** One detection of the keyword. */
typedef struct
{
    uint32_t step;   /**< the network step that fired, 0 = the first step since init or reset */
    uint64_t sample; /**< samples received since init or reset when that step ran: the detection's time */
    int32_t score;   /**< the smoothed keyword score, 0 to 255 (hark_detector.h) */
} hark_kws_event;

/** Receives each detection as it happens. */
typedef void (*hark_kws_event_fn)(const hark_kws_event *event, void *user);

/** Receives each feature frame the front end makes (for verification and visualisation). */
typedef void (*hark_kws_frame_fn)(const int8_t features[HARK_FRONTEND_MEL_BINS], void *user);

/** What the engine is told once, at init. */
typedef struct
{
    hark_detector_settings detection; /**< smoothing, threshold and refractory period */
    hark_kws_event_fn on_event;       /**< called on every detection; may be NULL */
    void *event_user;                 /**< passed to on_event */
    hark_kws_frame_fn on_frame;       /**< called on every feature frame; may be NULL */
    void *frame_user;                 /**< passed to on_frame */
    hark_trace_fn trace;              /**< called with each step's traced network tensors; may be NULL */
    void *trace_user;                 /**< passed to trace */
} hark_kws_config;

/** The engine's state; owned by the caller, set up by hark_kws_init(), changed only by hark_kws_* calls. */
typedef struct
{
    hark_kws_config config;
    int8_t *arena;
    hark_frontend_state frontend;
    int8_t frame[HARK_FRONTEND_MEL_BINS];
    int8_t window[HARK_INPUT_SIZE]; /* the network's last HARK_WINDOW_FRAMES frames, oldest first */
    int8_t probabilities[HARK_OUTPUT_SIZE];
    int8_t logits[HARK_OUTPUT_SIZE]; /* the last step's, kept from its trace for the keyword score */
    hark_detector detector;
    uint64_t samples; /* samples received since init or reset */
    uint32_t frames;  /* frames made since init or reset */
    uint32_t steps;   /* network steps run since init or reset */
} hark_kws;

/**
 * @brief Sets up an engine to listen from silence.
 *
 * @param[out] kws        the engine
 * @param[in]  arena      HARK_KWS_ARENA_SIZE bytes at a HARK_KWS_ARENA_ALIGNMENT boundary, owned by the caller
 *                        and used by nothing else while the engine lives
 * @param[in]  arena_size its size in bytes
 * @param[in]  config     copied; detection settings within their ranges (see hark_detector.h)
 *
 * @return ARM_CMSIS_NN_SUCCESS; ARM_CMSIS_NN_ARG_ERROR (kws untouched) for a NULL pointer, an arena that is too
 *         small or misaligned, or detection settings out of range.
 */
arm_cmsis_nn_status hark_kws_init(hark_kws *kws, int8_t *arena, size_t arena_size, const hark_kws_config *config);

/** @brief Starts listening from silence again, keeping the configuration and the arena. */
void hark_kws_reset(hark_kws *kws);

/**
 * @brief Listens to the next samples: any number, from 1 sample to minutes of audio per call.
 *
 * Runs the front end on every sample, a network step whenever a step's frames are complete, and the detector on
 * every step, calling the configured callbacks as it goes.
 *
 * @param[in, out] kws the engine
 * @param[in]      pcm 16 kHz mono samples; may be NULL when n is 0
 * @param[in]      n   number of samples
 *
 * @return ARM_CMSIS_NN_SUCCESS; ARM_CMSIS_NN_ARG_ERROR for NULL pointers; otherwise the status of the first failing
 *         network step, after which the engine must be reset.
 */
arm_cmsis_nn_status hark_kws_process(hark_kws *kws, const int16_t *pcm, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* HARK_KWS_H */
