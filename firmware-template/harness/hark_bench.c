/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_bench.h.
 */

#include "hark_bench.h"

#include <stdio.h>
#include <stdlib.h>

#include "hark_bench_board.h"
#include "hark_bench_signal.h"

static int16_t audio[HARK_BENCH_MAX_SAMPLES];
static int8_t frames[HARK_BENCH_MAX_FRAMES][HARK_FRONTEND_MEL_BINS];
static hark_frontend_state frontend_state;

int hark_bench_argument(int argc, char **argv, int index, const char *name, uint32_t fallback, uint32_t min,
                        uint32_t max, uint32_t *value)
{
    if (argc <= index)
    {
        *value = fallback;
        return 1;
    }
    char *end;
    const unsigned long parsed = strtoul(argv[index], &end, 10);
    if (end == argv[index] || *end != '\0' || argv[index][0] == '-' || parsed < min || parsed > max)
    {
        fprintf(stderr, "%s: %s '%s' is not a whole number from %lu to %lu\n", argv[0], name, argv[index],
                (unsigned long)min, (unsigned long)max);
        return 0;
    }
    *value = (uint32_t)parsed;
    return 1;
}

const int16_t *hark_bench_audio(uint32_t seconds)
{
    hark_bench_signal signal;
    hark_bench_signal_init(&signal);
    const size_t samples = (size_t)(HARK_BENCH_WARMUP_SECONDS + seconds) * HARK_FRONTEND_SAMPLE_RATE_HZ;
    hark_bench_signal_fill(&signal, audio, samples);
    return audio;
}

/* Pushes n samples in chunks; returns the frame count after them. */
static uint32_t push(const int16_t *pcm, size_t n, size_t chunk_samples, uint32_t frame)
{
    for (size_t done = 0; done < n;)
    {
        const size_t size = chunk_samples < n - done ? chunk_samples : n - done;
        hark_frontend_pcm rest = {pcm + done, size};
        while (hark_frontend_push(&frontend_state, &rest, frames[frame]))
        {
            frame++;
        }
        done += size;
    }
    return frame;
}

void hark_bench_frontend(const int16_t *pcm, uint32_t seconds, uint32_t chunk_samples, hark_bench_frontend_run *run)
{
    const size_t warmup = (size_t)HARK_BENCH_WARMUP_SECONDS * HARK_FRONTEND_SAMPLE_RATE_HZ;
    const size_t measured = (size_t)seconds * HARK_FRONTEND_SAMPLE_RATE_HZ;
    hark_frontend_init(&frontend_state);
    run->frames = &frames[0][0];
    run->warmup_frames = push(pcm, warmup, chunk_samples, 0);
    const uint32_t start = hark_bench_counter_read();
    run->frames_total = push(pcm + warmup, measured, chunk_samples, run->warmup_frames);
    run->ticks = hark_bench_counter_read() - start;
}

arm_cmsis_nn_status hark_bench_each_window(const hark_bench_frontend_run *frontend, uint32_t from, uint32_t to,
                                           uint32_t window_frames, uint32_t hop, hark_bench_window_run run,
                                           void *context)
{
    for (uint32_t frame = from; frame < to; frame++)
    {
        const uint32_t made = frame + 1u;
        if (made < window_frames || (made - window_frames) % hop != 0)
        {
            continue;
        }
        const arm_cmsis_nn_status status =
            run(frontend->frames + (size_t)(made - window_frames) * HARK_FRONTEND_MEL_BINS, context);
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            return status;
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}

void hark_bench_print(const char *key, uint32_t value)
{
    printf("%s %lu\n", key, (unsigned long)value);
}

void hark_bench_print_header(const char *program, uint32_t seconds, uint32_t chunk_samples,
                             const hark_bench_frontend_run *frontend_run, uint32_t window_frames,
                             uint32_t hop_frames)
{
    uint32_t calibration_instructions;
    const uint32_t calibration_ticks = hark_bench_calibration_ticks(&calibration_instructions);
    printf("program %s\n", program);
    hark_bench_print("seconds", seconds);
    hark_bench_print("warmup_seconds", HARK_BENCH_WARMUP_SECONDS);
    hark_bench_print("chunk_samples", chunk_samples);
    hark_bench_print("instructions_per_tick", hark_bench_instructions_per_tick());
    hark_bench_print("calibration_instructions", calibration_instructions);
    hark_bench_print("calibration_ticks", calibration_ticks);
    hark_bench_print("frontend_frames", frontend_run->frames_total - frontend_run->warmup_frames);
    hark_bench_print("frontend_ticks", frontend_run->ticks);
    hark_bench_print("window_frames", window_frames);
    hark_bench_print("hop_frames", hop_frames);
}

int hark_bench_print_end(void)
{
    hark_bench_print("end", 0);
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
