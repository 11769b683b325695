/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_bench_signal.h.
 */

#include "hark_bench_signal.h"

/* One period of the 1 kHz tone at 16 kHz: round(6000 sin(2 pi k / 16)), k = 0..15. */
#define TONE_PERIOD 16u
static const int16_t tone[TONE_PERIOD] = {
    0, 2296, 4243, 5543, 6000, 5543, 4243, 2296, 0, -2296, -4243, -5543, -6000, -5543, -4243, -2296};

#define NOISE_SEED 0x2545F491u

void hark_bench_signal_init(hark_bench_signal *signal)
{
    signal->noise = NOISE_SEED;
    signal->phase = 0;
}

void hark_bench_signal_fill(hark_bench_signal *signal, int16_t *samples, size_t n)
{
    for (size_t i = 0; i < n; i++)
    {
        uint32_t x = signal->noise; /* xorshift32 (Marsaglia 2003) */
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        signal->noise = x;
        const int32_t noise = (int32_t)(x >> 20) - 2048;
        samples[i] = (int16_t)(tone[signal->phase] + noise);
        signal->phase = (signal->phase + 1u) % TONE_PERIOD;
    }
}
