/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What the two benchmark programs (hark_listen_bench.c, hark_rescore_bench.c) share: their arguments, their audio,
 * the front end's measurement and their output.
 *
 * A benchmark listens to HARK_BENCH_WARMUP_SECONDS of audio without measuring (so the network's window is full and
 * the first re-scoring has run) and then measures `seconds` more; every figure is for those seconds alone. Each
 * stage is measured as a whole, one counter read before and one after, so the counter's resolution (40
 * instructions on mps2-an386) does not add up over calls.
 *
 * Output on stdout: one "<key> <decimal value>" line per figure, first the common ones (hark_bench_print_header):
 *     program <name>, seconds, warmup_seconds, chunk_samples, instructions_per_tick, calibration_instructions,
 *     calibration_ticks, frontend_frames, frontend_ticks, window_frames, hop_frames
 * then the program's own, and last "end 0". Ticks times instructions_per_tick are instructions.
 */

#ifndef HARK_BENCH_H
#define HARK_BENCH_H

#include <stdint.h>

#include "arm_nn_types.h"
#include "hark_frontend.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HARK_BENCH_WARMUP_SECONDS 2u
#define HARK_BENCH_MAX_SECONDS 60u
#define HARK_BENCH_MAX_SAMPLES ((HARK_BENCH_WARMUP_SECONDS + HARK_BENCH_MAX_SECONDS) * HARK_FRONTEND_SAMPLE_RATE_HZ)
/** Frames of the longest benchmark: one per hop once the first window is complete. */
#define HARK_BENCH_MAX_FRAMES                                                                                          \
    ((HARK_BENCH_MAX_SAMPLES - HARK_FRONTEND_PAD_SAMPLES) / HARK_FRONTEND_HOP_SAMPLES + 1u)

/**
 * Reads argv[index] as a whole number from min to max, or takes fallback when there are not that many arguments.
 *
 * @return 1; 0 after printing a line naming the argument on stderr
 */
int hark_bench_argument(int argc, char **argv, int index, const char *name, uint32_t fallback, uint32_t min,
                        uint32_t max, uint32_t *value);

/** The audio: warm-up and `seconds` of hark_bench_signal, generated once into a static buffer. */
const int16_t *hark_bench_audio(uint32_t seconds);

/** The front end's part: every frame of the audio, and the cost of the measured seconds. */
typedef struct
{
    const int8_t *frames;   /**< [frame][HARK_FRONTEND_MEL_BINS], the warm-up's frames first */
    uint32_t warmup_frames; /**< frames made from the warm-up */
    uint32_t frames_total;  /**< frames made in all */
    uint32_t ticks;         /**< counter ticks of the measured seconds' frames */
} hark_bench_frontend_run;

/**
 * Pushes the audio through a front end in chunks of `chunk_samples`, the warm-up unmeasured, then the measured
 * seconds timed as a whole, keeping every frame.
 */
void hark_bench_frontend(const int16_t *audio, uint32_t seconds, uint32_t chunk_samples,
                         hark_bench_frontend_run *run);

/** Runs a network on one window of frames, read in place; `context` is the caller's. */
typedef arm_cmsis_nn_status (*hark_bench_window_run)(const int8_t *window, void *context);

/**
 * Runs `run` on each window of `window_frames` frames that ends in frames [from, to) of the front end's run: the
 * first when that many frames are made, then one every `hop` frames, as a network listening to the stream runs.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or the first failure of `run`
 */
arm_cmsis_nn_status hark_bench_each_window(const hark_bench_frontend_run *frontend, uint32_t from, uint32_t to,
                                           uint32_t window_frames, uint32_t hop, hark_bench_window_run run,
                                           void *context);

/**
 * Prints the common lines (see above), running the counter's calibration; the counter must be started.
 * window_frames and hop_frames are the network's: the frames it reads and the frames between two of its runs.
 */
void hark_bench_print_header(const char *program, uint32_t seconds, uint32_t chunk_samples,
                             const hark_bench_frontend_run *frontend, uint32_t window_frames, uint32_t hop_frames);

/** Prints "<key> <value>". */
void hark_bench_print(const char *key, uint32_t value);

/** Prints the last line; returns main's status: 0, or 1 when the output could not be written. */
int hark_bench_print_end(void);

#ifdef __cplusplus
}
#endif

#endif /* HARK_BENCH_H */
