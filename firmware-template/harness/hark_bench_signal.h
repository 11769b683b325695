/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmarks' audio: a 1 kHz tone (peak 6000) plus white noise (-2048 to 2047), 16 kHz int16, the same samples
 * on every run and every machine. The engine's work does not depend on what it hears (the network runs on every
 * step whatever the input; the front end computes every frame alike), so any steady signal measures it; this one
 * keeps every stage busy with non-zero values. Integer only and no C library, for the lean firmware too.
 */

#ifndef HARK_BENCH_SIGNAL_H
#define HARK_BENCH_SIGNAL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Where the signal is; start it with hark_bench_signal_init(). */
typedef struct
{
    uint32_t noise; /* xorshift32 state, never 0 */
    uint32_t phase; /* sample index modulo the tone's period */
} hark_bench_signal;

/** Starts the signal at its first sample. */
void hark_bench_signal_init(hark_bench_signal *signal);

/** Writes the next n samples. */
void hark_bench_signal_fill(hark_bench_signal *signal, int16_t *samples, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* HARK_BENCH_SIGNAL_H */
