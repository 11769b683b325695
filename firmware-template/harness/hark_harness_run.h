/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The test harness's work (hark_harness_main.c describes the files): read the records, run the network on each clip
 * or on each step a stream of frames completes, write every traced layer. It takes the network as a description of
 * its sizes, buffers and entry points instead of from hark_network.h, so it depends on no network: it compiles once
 * per target and serves every network linked against it (one model's harness, or the random-model run's batch
 * images of many).
 */

#ifndef HARK_HARNESS_RUN_H
#define HARK_HARNESS_RUN_H

#include <stdint.h>
#include <stdio.h>

#include "arm_nn_types.h"

/** A generated network's trace callback (hark_network.h's hark_trace_fn). */
typedef void (*hark_harness_trace_fn)(int32_t layer, const int8_t *data, int32_t size, void *user);

/** A generated network's hark_network_run (whole clips) or hark_network_step (a stream). */
typedef arm_cmsis_nn_status (*hark_harness_network_fn)(
    int8_t *arena, const int8_t *features, int8_t *output, hark_harness_trace_fn trace, void *user);

/** A generated network as the harness runs it, from its hark_network.h, and the buffers sized for it. */
typedef struct
{
    /** Bytes per record: HARK_INPUT_SIZE for whole clips, HARK_FRAME_SIZE for a stream. */
    uint32_t record_size;
    /** 0 for a whole-clip network; else a stream's HARK_WINDOW_FRAMES and HARK_HOP_FRAMES. */
    int32_t window_frames;
    int32_t hop_frames;
    int8_t *arena;
    /** The network's input (HARK_INPUT_SIZE bytes). */
    int8_t *features;
    /** Where a record is read: the features themselves for a clip, a frame buffer for a stream. */
    int8_t *record;
    int8_t *output;
    int32_t layer_count;
    const char *const *layer_names;
    const int32_t *layer_sizes;
    /** hark_network_run, or hark_network_step. */
    hark_harness_network_fn run;
    /** hark_network_reset for a stream; NULL for whole clips. */
    void (*reset)(int8_t *arena);
} hark_harness_network;

/** Runs every record of `in` through `network`, streaming the traces to `out`; 1 on success, 0 after reporting. */
int hark_harness_run_records(const hark_harness_network *network,
                             FILE *in,
                             const char *in_path,
                             FILE *out,
                             const char *out_path);

#endif /* HARK_HARNESS_RUN_H */
