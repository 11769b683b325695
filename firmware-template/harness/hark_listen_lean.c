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
 *         instructions_per_tick <i> calibration_instructions <c> calibration_ticks <t> listen_ticks <l>
 *         inferences <k> inference_ticks <t>
 * (one line). stack_peak is everything the firmware used, its start-up and main included. listen_ticks is the
 * board's counter over the hark_kws_process calls, summed block by block (the signal's generation between them is
 * not counted; each block's figure is within a tick). inference_ticks is INFERENCES more network steps on the
 * last window, run after the stack was scanned: the network alone, as the engine runs it each hop. Ticks times
 * instructions_per_tick are instructions under QEMU -icount shift=0; a board whose counter counts no instructions
 * reports 0 for it (hark_bench_board.h). A failing engine writes
 *     hark_listen_lean failed <status>
 * instead.
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_bench_signal.h"
#include "hark_kws.h"
#include "hark_model_settings.h" /* HARK_DETECTOR_SETTINGS: the detector the model is deployed with */

#define LEAN_SECONDS 3u
#define BLOCK_SAMPLES 160u /* 10 ms */
#define INFERENCES 10u

static hark_kws kws;
static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
static int16_t block[BLOCK_SAMPLES];
static int8_t probabilities[HARK_OUTPUT_SIZE];

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
    /* The detector the product firmware listens with, so the lean image measures what is deployed. */
    const hark_kws_config config = {HARK_DETECTOR_SETTINGS, count_event, &detections, NULL, NULL, NULL, NULL};
    hark_bench_signal signal;
    hark_bench_signal_init(&signal);
    hark_bench_counter_start();
    uint32_t calibration_instructions = 0;
    const uint32_t calibration_ticks = hark_bench_calibration_ticks(&calibration_instructions);
    arm_cmsis_nn_status status = hark_kws_init(&kws, arena, sizeof(arena), &config);
    uint32_t listen_ticks = 0;
    for (uint32_t b = 0; status == ARM_CMSIS_NN_SUCCESS && b < LEAN_SECONDS * 100u; b++)
    {
        hark_bench_signal_fill(&signal, block, BLOCK_SAMPLES);
        const uint32_t block_start = hark_bench_counter_read();
        status = hark_kws_process(&kws, block, BLOCK_SAMPLES);
        listen_ticks += hark_bench_counter_read() - block_start;
    }
    const uint32_t stack_peak = hark_bench_stack_peak();
    /* Listening is over, so the engine's window and arena are free to step the network on alone. */
    const uint32_t inference_start = hark_bench_counter_read();
    for (uint32_t i = 0; status == ARM_CMSIS_NN_SUCCESS && i < INFERENCES; i++)
    {
        status = hark_network_step(kws.arena, kws.window, probabilities, NULL, NULL);
    }
    const uint32_t inference_ticks = hark_bench_counter_read() - inference_start;
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
        write_figure("instructions_per_tick", hark_bench_instructions_per_tick());
        write_figure("calibration_instructions", calibration_instructions);
        write_figure("calibration_ticks", calibration_ticks);
        write_figure("listen_ticks", listen_ticks);
        write_figure("inferences", INFERENCES);
        write_figure("inference_ticks", inference_ticks);
    }
    hark_bench_write("\n");
    hark_bench_stop();
}
