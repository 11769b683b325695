/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Listening benchmark: what the keyword-spotting engine (hark_kws) costs per second of audio, split into its
 * stages. Built with a network generated for streaming; on mps2-an386 under `qemu-system-arm -icount shift=0` the
 * counter counts instructions (hark_bench_board.h).
 *
 *   hark_listen_bench [seconds [chunk samples]]      defaults 10 and 160 (10 ms)
 *
 * Over the same audio (hark_bench.h: a warm-up, then `seconds` measured), each stage alone, then the engine:
 *   frontend   hark_frontend_push over the audio in chunks, keeping every frame;
 *   network    hark_network_step on each step's window of those frames (read in place, no copy);
 *   detector   hark_detector_push on each step's keyword score;
 *   engine     hark_kws_process over the audio in the same chunks: all of the above plus what the engine adds
 *              (the frame window, the callbacks, the bookkeeping).
 * The engine must make the same frames, steps and detections as the stages alone, or the program fails.
 *
 * Output (after the common lines of hark_bench.h): window_frames, hop_frames, steps, network_ticks, detections,
 * detector_ticks, engine_ticks, end. Exit status 0, or 1 with a message on stderr. No heap allocation.
 */

#include <stdio.h>
#include <string.h>

#include "hark_bench.h"
#include "hark_bench_board.h"
#include "hark_kws.h"
#include "hark_model_settings.h" /* HARK_DETECTOR_SETTINGS */

#define DEFAULT_SECONDS 10u
#define DEFAULT_CHUNK_SAMPLES 160u
#define MAX_STEPS (HARK_BENCH_MAX_FRAMES / HARK_HOP_FRAMES + 1u)

/* The detector the model is deployed with (the generated settings), so the detections are the product's. */
static const hark_detector_settings detection = HARK_DETECTOR_SETTINGS;

static hark_kws kws;
static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
static int32_t scores[MAX_STEPS];
static const hark_keyword_score_params score_params = HARK_KEYWORD_SCORE_PARAMS;

/* Keeps a step's logits (`user`), as the engine does for the keyword score. */
static void keep_logits(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    if (layer == HARK_KEYWORD_LOGITS_LAYER)
    {
        memcpy(user, data, (size_t)size);
    }
}

/* The network's step on one window; `context` counts the steps, whose keyword scores go to `scores`. */
static arm_cmsis_nn_status run_step(const int8_t *window, void *context)
{
    uint32_t *steps = context;
    int8_t probabilities[HARK_OUTPUT_SIZE];
    int8_t logits[HARK_OUTPUT_SIZE];
    const arm_cmsis_nn_status status = hark_network_step(arena, window, probabilities, keep_logits, logits);
    if (status == ARM_CMSIS_NN_SUCCESS)
    {
        scores[(*steps)++] = hark_keyword_score(logits, &score_params);
    }
    return status;
}

/* The network's steps on frames [from, to) of the front end's run; returns the step count after them. */
static arm_cmsis_nn_status run_steps(const hark_bench_frontend_run *fe, uint32_t from, uint32_t to, uint32_t *steps)
{
    return hark_bench_each_window(fe, from, to, HARK_WINDOW_FRAMES, HARK_HOP_FRAMES, run_step, steps);
}

/* The detector on scores [from, to); returns the detections among them. */
static uint32_t run_detector(hark_detector *detector, uint32_t from, uint32_t to)
{
    uint32_t detections = 0;
    hark_detection detection_found;
    for (uint32_t step = from; step < to; step++)
    {
        if (hark_detector_push(detector, scores[step], &detection_found) == 1)
        {
            detections++;
        }
    }
    return detections;
}

static void count_event(const hark_kws_event *event, void *user)
{
    (void)event;
    (*(uint32_t *)user)++;
}

/* hark_kws_process on n samples in chunks. */
static arm_cmsis_nn_status listen(const int16_t *pcm, size_t n, size_t chunk_samples)
{
    for (size_t done = 0; done < n;)
    {
        const size_t size = chunk_samples < n - done ? chunk_samples : n - done;
        const arm_cmsis_nn_status status = hark_kws_process(&kws, pcm + done, size);
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            return status;
        }
        done += size;
    }
    return ARM_CMSIS_NN_SUCCESS;
}

static int fail(const char *problem, int status)
{
    fprintf(stderr, "hark_listen_bench: %s (status %d)\n", problem, status);
    return 1;
}

int main(int argc, char **argv)
{
    uint32_t seconds, chunk_samples;
    if (!hark_bench_argument(argc, argv, 1, "seconds", DEFAULT_SECONDS, 1, HARK_BENCH_MAX_SECONDS, &seconds) ||
        !hark_bench_argument(argc, argv, 2, "chunk samples", DEFAULT_CHUNK_SAMPLES, 1,
                             HARK_FRONTEND_SAMPLE_RATE_HZ, &chunk_samples))
    {
        return 1;
    }
    hark_bench_counter_start();
    const int16_t *audio = hark_bench_audio(seconds);
    const size_t warmup_samples = (size_t)HARK_BENCH_WARMUP_SECONDS * HARK_FRONTEND_SAMPLE_RATE_HZ;
    const size_t measured_samples = (size_t)seconds * HARK_FRONTEND_SAMPLE_RATE_HZ;

    hark_bench_frontend_run fe;
    hark_bench_frontend(audio, seconds, chunk_samples, &fe);

    uint32_t steps = 0;
    hark_network_reset(arena);
    arm_cmsis_nn_status status = run_steps(&fe, 0, fe.warmup_frames, &steps);
    const uint32_t warmup_steps = steps;
    uint32_t start = hark_bench_counter_read();
    if (status == ARM_CMSIS_NN_SUCCESS)
    {
        status = run_steps(&fe, fe.warmup_frames, fe.frames_total, &steps);
    }
    const uint32_t network_ticks = hark_bench_counter_read() - start;
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        return fail("hark_network_step failed", (int)status);
    }

    hark_detector detector;
    (void)hark_detector_init(&detector, &detection);
    const uint32_t warmup_detections = run_detector(&detector, 0, warmup_steps);
    start = hark_bench_counter_read();
    const uint32_t detections = run_detector(&detector, warmup_steps, steps);
    const uint32_t detector_ticks = hark_bench_counter_read() - start;

    uint32_t engine_detections = 0;
    hark_kws_config config;
    memset(&config, 0, sizeof(config));
    config.detection = detection;
    config.on_event = count_event;
    config.event_user = &engine_detections;
    status = hark_kws_init(&kws, arena, sizeof(arena), &config);
    if (status == ARM_CMSIS_NN_SUCCESS)
    {
        status = listen(audio, warmup_samples, chunk_samples);
    }
    const uint32_t engine_warmup_steps = kws.steps;
    start = hark_bench_counter_read();
    if (status == ARM_CMSIS_NN_SUCCESS)
    {
        status = listen(audio + warmup_samples, measured_samples, chunk_samples);
    }
    const uint32_t engine_ticks = hark_bench_counter_read() - start;
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        return fail("hark_kws failed", (int)status);
    }
    if (kws.frames != fe.frames_total || engine_warmup_steps != warmup_steps || kws.steps != steps ||
        engine_detections != warmup_detections + detections)
    {
        return fail("the engine made other frames, steps or detections than its stages alone", 0);
    }

    hark_bench_print_header("hark_listen_bench", seconds, chunk_samples, &fe, HARK_WINDOW_FRAMES, HARK_HOP_FRAMES);
    hark_bench_print("steps", steps - warmup_steps);
    hark_bench_print("network_ticks", network_ticks);
    hark_bench_print("detections", detections);
    hark_bench_print("detector_ticks", detector_ticks);
    hark_bench_print("engine_ticks", engine_ticks);
    return hark_bench_print_end();
}
