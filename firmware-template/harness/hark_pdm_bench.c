/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * PDM decimator benchmark: what hark_pdm_push_bytes costs per second of audio at each supported PDM clock. On
 * mps2-an386 under `qemu-system-arm -icount shift=0` the counter counts instructions (hark_bench_board.h).
 *
 *   hark_pdm_bench [seconds [chunk bytes]]      defaults 2 and 256 (2 ms of a 1.024 MHz clock, a DMA half-buffer)
 *
 * The decimator's work does not depend on the bits (no data-dependent branch but the final saturation), so the
 * input is a fixed pseudo-random byte pattern, repeated. Each clock is warmed up for 0.1 s, then `seconds` of its
 * bytes are pushed in chunks, between one counter read before and one after.
 *
 * Output on stdout, one "<key> <decimal value>" line each: program, seconds, chunk_bytes, instructions_per_tick,
 * calibration_instructions, calibration_ticks, then per clock pdm<decimation>_samples and pdm<decimation>_ticks,
 * and last "end 0". Ticks times instructions_per_tick are instructions. Exit status 0, or 1 with a message on
 * stderr. No heap allocation.
 */

#include <stdio.h>
#include <stdlib.h>

#include "hark_bench_board.h"
#include "hark_pdm.h"

#define DEFAULT_SECONDS 2u
#define MAX_SECONDS 60u
#define DEFAULT_CHUNK_BYTES 256u
#define PATTERN_BYTES 4096u
#define OUTPUT_RATE_HZ 16000u

static const uint32_t decimations[] = {64u, 80u, 128u};

static hark_pdm_state pdm;
static uint8_t pattern[PATTERN_BYTES];
static int16_t pcm[HARK_PDM_MAX_SAMPLES(PATTERN_BYTES)];

static void print(const char *key, uint32_t value)
{
    printf("%s %lu\n", key, (unsigned long)value);
}

/* argv[index] as a whole number in [min, max], or fallback without it; exits with a message when it is not one. */
static uint32_t argument(int argc, char **argv, int index, const char *name, uint32_t min, uint32_t max,
                         uint32_t fallback)
{
    if (argc <= index)
    {
        return fallback;
    }
    char *end;
    const unsigned long value = strtoul(argv[index], &end, 10);
    if (*argv[index] == '\0' || *end != '\0' || value < min || value > max)
    {
        fprintf(stderr, "%s: %s '%s' is not a whole number from %lu to %lu\n", argv[0], name, argv[index],
                (unsigned long)min, (unsigned long)max);
        exit(1);
    }
    return (uint32_t)value;
}

/* Pushes `bytes` bytes of the pattern in chunks; returns the samples made. */
static uint32_t push(uint32_t bytes, uint32_t chunk)
{
    uint32_t samples = 0;
    uint32_t offset = 0;
    while (bytes > 0)
    {
        uint32_t size = chunk < bytes ? chunk : bytes;
        if (size > PATTERN_BYTES - offset)
        {
            size = PATTERN_BYTES - offset;
        }
        samples += (uint32_t)hark_pdm_push_bytes(&pdm, pattern + offset, size, pcm);
        offset = (offset + size) % PATTERN_BYTES;
        bytes -= size;
    }
    return samples;
}

int main(int argc, char **argv)
{
    const uint32_t seconds = argument(argc, argv, 1, "seconds", 1u, MAX_SECONDS, DEFAULT_SECONDS);
    const uint32_t chunk = argument(argc, argv, 2, "chunk bytes", 1u, PATTERN_BYTES, DEFAULT_CHUNK_BYTES);
    uint32_t state = 0x12345678u;
    for (uint32_t i = 0; i < PATTERN_BYTES; i++)
    {
        /* xorshift32: a fixed pattern with every bit varying. */
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        pattern[i] = (uint8_t)(state >> 24);
    }
    hark_bench_counter_start();
    uint32_t calibration_instructions;
    const uint32_t calibration_ticks = hark_bench_calibration_ticks(&calibration_instructions);
    printf("program hark_pdm_bench\n");
    print("seconds", seconds);
    print("chunk_bytes", chunk);
    print("instructions_per_tick", hark_bench_instructions_per_tick());
    print("calibration_instructions", calibration_instructions);
    print("calibration_ticks", calibration_ticks);
    for (uint32_t d = 0; d < sizeof(decimations) / sizeof(decimations[0]); d++)
    {
        const hark_pdm_config config = {decimations[d], HARK_PDM_MSB_FIRST, 256};
        if (!hark_pdm_init(&pdm, &config))
        {
            fprintf(stderr, "%s: decimation %lu not supported\n", argv[0], (unsigned long)decimations[d]);
            return 1;
        }
        const uint32_t bytes_per_second = decimations[d] * OUTPUT_RATE_HZ / 8u;
        push(bytes_per_second / 10u, chunk);
        const uint32_t start = hark_bench_counter_read();
        const uint32_t samples = push(bytes_per_second * seconds, chunk);
        const uint32_t ticks = hark_bench_counter_read() - start;
        char key[32];
        snprintf(key, sizeof(key), "pdm%lu_samples", (unsigned long)decimations[d]);
        print(key, samples);
        snprintf(key, sizeof(key), "pdm%lu_ticks", (unsigned long)decimations[d]);
        print(key, ticks);
    }
    print("end", 0);
    return 0;
}
