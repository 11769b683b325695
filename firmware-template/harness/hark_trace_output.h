/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * How the test harnesses write the generated network's traced tensors to a file: the layer table (per layer:
 * u32 size, u8 name length, the name's bytes, little-endian, no terminator) and, per run, every layer in index
 * order. A run that reports a layer out of order, with another size or not at all is an error, so the file holds
 * exactly what the network computed in the order the Java side expects. The bytes go to a write function, so the
 * clips' harness writes them with stdio and the listening harness without it (hark_stream.h); the problems are
 * built without formatted output for the same reason.
 */

#ifndef HARK_TRACE_OUTPUT_H
#define HARK_TRACE_OUTPUT_H

#include <stddef.h>
#include <stdint.h>

/** Writes `size` bytes to `sink`; 0 when the write failed. */
typedef int (*hark_trace_write_fn)(const void *data, size_t size, void *sink);

/**
 * Where the traces go, the network's layer table, and the state of the current run. The table is the caller's
 * (hark_network.h's HARK_LAYER_COUNT, hark_layer_names, hark_layer_sizes), so this file does not depend on one
 * network: it compiles once per target and serves every network a batch image links.
 */
typedef struct
{
    hark_trace_write_fn write;
    void *sink;
    int32_t layer_count;
    const char *const *layer_names;
    const int32_t *layer_sizes;
    int32_t next_layer;
    int failed;
    char problem[96];
} hark_trace_output;

/** Sets up an output that writes the traces of a network with that layer table with `write` to `sink`. */
void hark_trace_output_init(hark_trace_output *output,
                            hark_trace_write_fn write,
                            void *sink,
                            int32_t layer_count,
                            const char *const *layer_names,
                            const int32_t *layer_sizes);

/** Writes u32 layer count and the layer table; 0 with `problem` set for a name over 255 bytes or a failed write. */
int hark_trace_output_write_table(hark_trace_output *output);

/** Starts a run. */
void hark_trace_output_start(hark_trace_output *output);

/** The network's trace callback (hark_trace_fn) with a hark_trace_output as `user`. */
void hark_trace_output_layer(int32_t layer, const int8_t *data, int32_t size, void *user);

/** Ends a run: 1 when every layer was written once in order, 0 with `problem` set otherwise. */
int hark_trace_output_finish(hark_trace_output *output);

#endif /* HARK_TRACE_OUTPUT_H */
