/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end: 16 kHz mono int16 PCM in, the network's int8 log-mel features out (40 per 10 ms frame), bit for
 * bit what the Java front end computes (sim, package dev.hark.sim.frontend; docs/frontend.md specifies it). The
 * network was trained on exactly these features, so a device must compute them with this code.
 *
 * Integer arithmetic only (64-bit products where the specification needs them), no heap, no global state: the
 * caller owns a hark_frontend_state and passes it to every call. Constants and tables (window, FFT twiddles, mel
 * filterbank) come from the generated hark_frontend_tables.h/.c, which must be on the include path and linked.
 * The same C runs on the host and on Cortex-M. It relies on >> of a negative value being an arithmetic shift, as
 * it is with GCC, Clang and Arm Compiler.
 *
 * Framing. Frame f is centered on input sample 160 f and covers samples [160 f - 200, 160 f + 200); samples before
 * the start are zeros. Frame f is therefore complete once 160 f + 200 samples have arrived: frame 0 after 200,
 * then one every 160 (100 frames per second). How the samples are split into calls does not matter.
 *
 * Listening forever:
 *
 *     static hark_frontend_state frontend;          // about 7 KB; static or inside the caller's own state
 *     int8_t features[HARK_FRONTEND_MEL_BINS];
 *
 *     hark_frontend_init(&frontend);
 *     for (;;) {
 *         hark_frontend_pcm pcm = {next_audio_block(), block_samples};
 *         while (hark_frontend_push(&frontend, &pcm, features)) {
 *             use_frame(features);                   // e.g. append to the network's input window
 *         }
 *     }
 *
 * Features of a finite clip, identical to LogMelFrontend.compute() in Java (1 + samples / 160 frames):
 *
 *     hark_frontend_pcm pcm = {clip, clip_samples};
 *     while (hark_frontend_push(&frontend, &pcm, features)) { use_frame(features); }
 *     while (hark_frontend_finish(&frontend, features)) { use_frame(features); }
 *
 * Cost per frame: one 512-point FFT with 64-bit products and 40 fixed-point logarithms (docs/frontend.md,
 * "Cost").
 */

#ifndef HARK_FRONTEND_H
#define HARK_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hark_frontend_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Working memory of one frame's computation; its contents need not survive between frames. */
typedef struct
{
    int32_t re[HARK_FRONTEND_FFT_SIZE];         /**< FFT real parts */
    int32_t im[HARK_FRONTEND_FFT_SIZE];         /**< FFT imaginary parts */
    int64_t power[HARK_FRONTEND_SPECTRUM_BINS]; /**< power spectrum, (int16 LSB)^2 units */
} hark_frontend_scratch;

/**
 * Everything the front end keeps between calls. Owned by the caller; set up with hark_frontend_init() and only
 * changed by the hark_frontend_* functions. One state per audio stream.
 */
typedef struct
{
    int16_t window[HARK_FRONTEND_WINDOW_SAMPLES]; /**< the next frame's samples; [0, filled) have arrived */
    size_t filled;                                /**< starts at HARK_FRONTEND_PAD_SAMPLES (the leading zeros) */
    bool has_audio;                               /**< a sample arrived since init or the last finish */
    hark_frontend_scratch scratch;
} hark_frontend_state;

/** Samples not yet given to the front end; hark_frontend_push() advances it past what it consumed. */
typedef struct
{
    const int16_t *samples; /**< 16 kHz mono PCM; may be NULL when count is 0 */
    size_t count;           /**< number of samples at `samples` */
} hark_frontend_pcm;

/**
 * @brief Starts a new stream: no samples yet, 200 zeros of padding before the first.
 *
 * @param[out] state The state to set up.
 */
void hark_frontend_init(hark_frontend_state *state);

/**
 * @brief Consumes samples until a frame is complete or the samples run out.
 *
 * Stops right after the sample that completes a frame, so no sample is held back and none is lost: call it again
 * with the same `pcm` until it returns false.
 *
 * @param[in, out] state    The stream's state.
 * @param[in, out] pcm      The samples; on return `samples` and `count` describe the ones not consumed (none when
 *                          the result is false).
 * @param[out]     features The frame's 40 int8 codes, written only when the result is true. Dequantize with
 *                          real = (q - HARK_FRONTEND_FEATURE_ZERO_POINT) * HARK_FRONTEND_FEATURE_SCALE.
 *
 * @return true when `features` holds a new frame, false when all samples were consumed without completing one.
 */
bool hark_frontend_push(hark_frontend_state *state, hark_frontend_pcm *pcm, int8_t features[HARK_FRONTEND_MEL_BINS]);

/**
 * @brief Ends a finite clip: gives, one per call, the frames whose windows reach past the clip's last sample
 *        (zeros stand in for the samples after it), then starts a new stream as hark_frontend_init() does.
 *
 * A clip of n >= 1 samples has 1 + n / 160 frames in all; push gives the first ones, finish the rest (one or two).
 * A device that listens forever never calls it.
 *
 * @param[in, out] state    The stream's state.
 * @param[out]     features The frame's 40 int8 codes, written only when the result is true.
 *
 * @return true when `features` holds a frame; false when none is left (and none at all when no sample arrived),
 *         after which the state is as after hark_frontend_init().
 */
bool hark_frontend_finish(hark_frontend_state *state, int8_t features[HARK_FRONTEND_MEL_BINS]);

/**
 * @brief The features of one frame of 400 samples, for callers that do their own framing.
 *
 * Window, 512-point FFT, power spectrum, mel filterbank, log2 and int8 quantization (docs/frontend.md, sections
 * 5 to 10). Frames do not depend on each other.
 *
 * @param[in, out] scratch  Working memory; contents need not be initialised.
 * @param[in]      frame    HARK_FRONTEND_WINDOW_SAMPLES samples (padding zeros included).
 * @param[out]     features The frame's 40 int8 codes.
 */
void hark_frontend_compute_frame(hark_frontend_scratch *scratch,
                                 const int16_t frame[HARK_FRONTEND_WINDOW_SAMPLES],
                                 int8_t features[HARK_FRONTEND_MEL_BINS]);

#ifdef __cplusplus
}
#endif

#endif /* HARK_FRONTEND_H */
