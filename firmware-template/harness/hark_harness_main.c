/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Test harness: runs the generated network on a batch of feature clips, or on a stream of feature frames, and
 * records every traced layer output, so the host tools can compare the firmware byte for byte with the Java
 * simulator. The same source runs natively (TARGET=host) and on a board under QEMU, where file IO goes through
 * semihosting. A network generated for streaming (its header defines HARK_HOP_FRAMES) makes it a stream harness.
 *
 *   hark_harness <in.bin> <out.bin>
 *
 * When fewer than two arguments arrive (QEMU passes none unless given -append or -semihosting-config arg=...),
 * the files are hark_in.bin and hark_out.bin in the working directory.
 *
 * Input file, all integers little-endian:
 *     "HKIN", u32 version = 1, u32 record count, u32 record size, then record count * record size int8 features;
 *     nothing may follow. A record is a clip (HARK_INPUT_SIZE values) or, for a stream, a frame (HARK_FRAME_SIZE).
 * Output file:
 *     "HKTR", u32 version = 1, u32 run count, u32 layer count,
 *     per layer: u32 size, u8 name length, name bytes (no terminator);
 *     then per run, per layer in index order: `size` bytes of that layer's traced output.
 * A run is a clip, or a step of the stream: the first once HARK_WINDOW_FRAMES frames have arrived, then one every
 * HARK_HOP_FRAMES frames.
 *
 * The network must report every layer exactly once per run, in index order, with the size in
 * hark_layer_sizes[]; anything else is an error (hark_trace_output.h). The output is written to "<out>.tmp" and
 * renamed when complete, so a reader never sees a partial file. Exit status 0 on success; 1 with a one-line message
 * naming the file on stderr otherwise. No heap allocation: the buffers are static, traces stream straight to the
 * file.
 *
 * This file gives the network of hark_network.h and its buffers to the work, hark_harness_run.c, which depends on no
 * network and so compiles once per target however many networks link it.
 */

#include <stddef.h>
#include <stdio.h>

#include "hark_harness_io.h"
#include "hark_harness_run.h"
#include "hark_network.h"

/*
 * The name of a file-scope object of this harness. The random-model run compiles many harnesses, each with its own
 * network, into one translation unit and defines this to keep each harness's objects apart; alone it is the name.
 */
#ifndef HARK_HARNESS_LOCAL
#define HARK_HARNESS_LOCAL(name) name
#endif

static int8_t HARK_HARNESS_LOCAL(arena)[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));
static int8_t HARK_HARNESS_LOCAL(features)[HARK_INPUT_SIZE];
#if defined(HARK_HOP_FRAMES)
/* A frame as read, before it slides into the feature window. */
static int8_t HARK_HARNESS_LOCAL(record)[HARK_FRAME_SIZE];
#endif
static int8_t HARK_HARNESS_LOCAL(probabilities)[HARK_OUTPUT_SIZE];

/* The network of hark_network.h and the buffers above, for the harness's work (hark_harness_run.c). */
static const hark_harness_network HARK_HARNESS_LOCAL(network) = {
#if defined(HARK_HOP_FRAMES)
    .record_size = HARK_FRAME_SIZE,
    .window_frames = HARK_WINDOW_FRAMES,
    .hop_frames = HARK_HOP_FRAMES,
    .record = HARK_HARNESS_LOCAL(record),
    .run = hark_network_step,
    .reset = hark_network_reset,
#else
    .record_size = HARK_INPUT_SIZE,
    .window_frames = 0,
    .hop_frames = 0,
    /* A clip is read straight into the network's input: a second copy would not fit a board with 16 KB of RAM. */
    .record = HARK_HARNESS_LOCAL(features),
    .run = hark_network_run,
    .reset = NULL,
#endif
    .arena = HARK_HARNESS_LOCAL(arena),
    .features = HARK_HARNESS_LOCAL(features),
    .output = HARK_HARNESS_LOCAL(probabilities),
    .layer_count = HARK_LAYER_COUNT,
    .layer_names = hark_layer_names,
    .layer_sizes = hark_layer_sizes,
};

static int HARK_HARNESS_LOCAL(run_records)(FILE *in, const char *in_path, FILE *out, const char *out_path)
{
    return hark_harness_run_records(&HARK_HARNESS_LOCAL(network), in, in_path, out, out_path);
}

int main(int argc, char **argv)
{
    return hark_io_main("hark_harness", argc, argv, "hark_in.bin", "hark_out.bin", HARK_HARNESS_LOCAL(run_records));
}
