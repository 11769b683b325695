/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The listening firmware and nothing else, to measure what the engine needs on a device: no semihosting, no stdio,
 * no heap, no command line. It plays the part of a microphone driver with a 10 ms block buffer that the benchmark
 * signal (hark_bench_signal.h) fills, and gives each block to hark_kws_process, as a device's main loop would.
 * Built for a board by `make listen-lean` (its size is the firmware's flash and static RAM).
 *
 * It paints the stack first, listens to LEAN_SECONDS of audio, then writes one line to the board's console and
 * stops (hark_bench_board.h):
 *     hark_listen_lean seconds <s> frames <f> steps <n> detections <d> stack_peak <bytes>
 * stack_peak is everything the firmware used, its start-up and main included. A failing engine writes
 *     hark_listen_lean failed <status>
 * instead.
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_bench_signal.h"
#include "hark_kws.h"

#define LEAN_SECONDS 3u
#define BLOCK_SAMPLES 160u /* 10 ms */

static hark_kws kws;
static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
static int16_t block[BLOCK_SAMPLES];

static void count_event(const hark_kws_event *event, void *user)
{
    (void)event;
    (*(uint32_t *)user)++;
}

/* Writes " <name> <decimal value>". */
static void write_figure(const char *name, uint32_t value)
{
    char digits[12];
    char *cursor = &digits[sizeof(digits) - 1];
    *cursor = '\0';
    do
    {
        *--cursor = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    hark_bench_write(" ");
    hark_bench_write(name);
    hark_bench_write(" ");
    hark_bench_write(cursor);
}

int main(void)
{
    hark_bench_stack_paint();
    uint32_t detections = 0;
    /* The example settings of hark_kws.h. */
    const hark_kws_config config = {{5, 200, 12}, count_event, &detections, NULL, NULL, NULL, NULL};
    hark_bench_signal signal;
    hark_bench_signal_init(&signal);
    arm_cmsis_nn_status status = hark_kws_init(&kws, arena, sizeof(arena), &config);
    for (uint32_t b = 0; status == ARM_CMSIS_NN_SUCCESS && b < LEAN_SECONDS * 100u; b++)
    {
        hark_bench_signal_fill(&signal, block, BLOCK_SAMPLES);
        status = hark_kws_process(&kws, block, BLOCK_SAMPLES);
    }
    const uint32_t stack_peak = hark_bench_stack_peak();
    hark_bench_write("hark_listen_lean");
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        write_figure("failed", (uint32_t)-(int32_t)status);
    }
    else
    {
        write_figure("seconds", LEAN_SECONDS);
        write_figure("frames", kws.frames);
        write_figure("steps", kws.steps);
        write_figure("detections", detections);
        write_figure("stack_peak", stack_peak);
    }
    hark_bench_write("\n");
    hark_bench_stop();
}
