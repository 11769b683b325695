/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Re-scoring benchmark: what listening costs without a streaming network, by running the whole-clip network
 * (hark_network_run) on the last clip's worth of frames every `hop` frames. Built with a network generated for
 * whole clips; measured like hark_listen_bench (hark_bench.h), with which it is compared.
 *
 *   hark_rescore_bench [seconds [chunk samples [hop frames]]]      defaults 10, 160 and 8 (80 ms)
 *
 * The front end is measured as in hark_listen_bench; then hark_network_run on the window ending at every hop-th
 * frame, read in place from the front end's frames (no copy, the cheapest re-scoring can be). Then the same
 * windows once more with a trace callback that reads the counter after every traced tensor, which splits the
 * network's work by layer: layer_<i>_ticks is the work from the previous traced tensor (or the run's start) to the
 * i-th (hark_layer_names[i]) over all runs. This second pass is kept apart so that network_ticks counts no callback.
 *
 * Output (after the common lines of hark_bench.h): window_frames, hop_frames, runs, network_ticks, layer_count,
 * layer_<i>_ticks for i = 0 .. layer_count - 1, end. Exit status 0, or 1 with a message on stderr. No heap
 * allocation.
 */

#include <stdio.h>

#include "hark_bench.h"
#include "hark_bench_board.h"
#include "hark_network.h"

#if defined(HARK_HOP_FRAMES)
#error "hark_rescore_bench needs a network generated for whole clips, not for streaming"
#endif
#if HARK_INPUT_SIZE % HARK_FRONTEND_MEL_BINS != 0
#error "the network's input is not whole feature frames of this front end"
#endif

#define DEFAULT_SECONDS 10u
#define DEFAULT_CHUNK_SAMPLES 160u
#define DEFAULT_HOP_FRAMES 8u
#define WINDOW_FRAMES (HARK_INPUT_SIZE / HARK_FRONTEND_MEL_BINS)

static int8_t arena[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));

/* The whole-clip network on one window; `context` counts the runs. */
static arm_cmsis_nn_status rescore_window(const int8_t *window, void *context)
{
    uint32_t *runs = context;
    int8_t probabilities[HARK_OUTPUT_SIZE];
    (*runs)++;
    return hark_network_run(arena, window, probabilities, NULL, NULL);
}

/* The counter's reading after the previous traced tensor, and the ticks each traced tensor's layers took. */
typedef struct
{
    uint32_t last;
    uint32_t ticks[HARK_LAYER_COUNT];
} layer_clock;

/* Trace callback: the work since the previous reading belongs to `layer`. */
static void time_layer(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    (void)data;
    (void)size;
    layer_clock *clock = user;
    const uint32_t now = hark_bench_counter_read();
    clock->ticks[layer] += now - clock->last;
    /* Read again so that this callback's own work is no layer's. */
    clock->last = hark_bench_counter_read();
}

/* The whole-clip network on one window, its layers timed apart. */
static arm_cmsis_nn_status rescore_window_by_layer(const int8_t *window, void *context)
{
    layer_clock *clock = context;
    int8_t probabilities[HARK_OUTPUT_SIZE];
    clock->last = hark_bench_counter_read();
    return hark_network_run(arena, window, probabilities, time_layer, clock);
}

/* The whole-clip network on the windows ending in frames [from, to); counts the runs. */
static arm_cmsis_nn_status rescore(const hark_bench_frontend_run *fe, uint32_t hop, uint32_t from, uint32_t to,
                                   uint32_t *runs)
{
    return hark_bench_each_window(fe, from, to, WINDOW_FRAMES, hop, rescore_window, runs);
}

int main(int argc, char **argv)
{
    uint32_t seconds, chunk_samples, hop;
    if (!hark_bench_argument(argc, argv, 1, "seconds", DEFAULT_SECONDS, 1, HARK_BENCH_MAX_SECONDS, &seconds) ||
        !hark_bench_argument(argc, argv, 2, "chunk samples", DEFAULT_CHUNK_SAMPLES, 1,
                             HARK_FRONTEND_SAMPLE_RATE_HZ, &chunk_samples) ||
        !hark_bench_argument(argc, argv, 3, "hop frames", DEFAULT_HOP_FRAMES, 1, WINDOW_FRAMES, &hop))
    {
        return 1;
    }
    hark_bench_counter_start();
    const int16_t *audio = hark_bench_audio(seconds);

    hark_bench_frontend_run fe;
    hark_bench_frontend(audio, seconds, chunk_samples, &fe);
    if (fe.warmup_frames < WINDOW_FRAMES)
    {
        fprintf(stderr, "hark_rescore_bench: the warm-up makes %lu frames, fewer than a clip's %lu\n",
                (unsigned long)fe.warmup_frames, (unsigned long)WINDOW_FRAMES);
        return 1;
    }

    uint32_t runs = 0;
    arm_cmsis_nn_status status = rescore(&fe, hop, 0, fe.warmup_frames, &runs);
    const uint32_t warmup_runs = runs;
    const uint32_t start = hark_bench_counter_read();
    if (status == ARM_CMSIS_NN_SUCCESS)
    {
        status = rescore(&fe, hop, fe.warmup_frames, fe.frames_total, &runs);
    }
    const uint32_t network_ticks = hark_bench_counter_read() - start;
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        fprintf(stderr, "hark_rescore_bench: hark_network_run failed (status %d)\n", (int)status);
        return 1;
    }

    static layer_clock clock;
    status = hark_bench_each_window(&fe, fe.warmup_frames, fe.frames_total, WINDOW_FRAMES, hop,
                                    rescore_window_by_layer, &clock);
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        fprintf(stderr, "hark_rescore_bench: hark_network_run failed (status %d)\n", (int)status);
        return 1;
    }

    hark_bench_print_header("hark_rescore_bench", seconds, chunk_samples, &fe, WINDOW_FRAMES, hop);
    hark_bench_print("runs", runs - warmup_runs);
    hark_bench_print("network_ticks", network_ticks);
    hark_bench_print("layer_count", HARK_LAYER_COUNT);
    for (uint32_t layer = 0; layer < HARK_LAYER_COUNT; layer++)
    {
        char key[32];
        snprintf(key, sizeof(key), "layer_%lu_ticks", (unsigned long)layer);
        hark_bench_print(key, clock.ticks[layer]);
    }
    return hark_bench_print_end();
}
