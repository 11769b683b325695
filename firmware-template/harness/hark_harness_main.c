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
 */

#include <stdio.h>

#include "arm_nn_types.h"
#include "hark_harness_io.h"
#include "hark_network.h"
#include "hark_nnfunctions.h"
#include "hark_trace_output.h"

#define HARNESS_VERSION 1u

#if defined(HARK_HOP_FRAMES)
#define RECORD_SIZE HARK_FRAME_SIZE
#define RECORD_NAME "frame"
#else
#define RECORD_SIZE HARK_INPUT_SIZE
#define RECORD_NAME "clip"
#endif

static int8_t arena[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));
static int8_t features[HARK_INPUT_SIZE];
#if defined(HARK_HOP_FRAMES)
/* A frame as read, before it slides into the feature window. */
static int8_t record[RECORD_SIZE];
#else
/* A clip is read straight into the network's input: a second copy would not fit a board with 16 KB of RAM. */
#define record features
#endif
static int8_t probabilities[HARK_OUTPUT_SIZE];

/* Reads and checks the input header; returns the record count or -1 after reporting the problem. */
static long read_input_header(FILE *in, const char *path)
{
    uint32_t records, record_size;
    if (!hark_io_read_magic(in, path, "HKIN", HARNESS_VERSION))
    {
        return -1;
    }
    if (!hark_io_read_u32(in, &records) || !hark_io_read_u32(in, &record_size))
    {
        hark_io_report(path, "truncated header");
        return -1;
    }
    if (record_size != (uint32_t)RECORD_SIZE)
    {
        char problem[96];
        snprintf(problem,
                 sizeof(problem),
                 "%s size %lu does not match the network's %lu",
                 RECORD_NAME,
                 (unsigned long)record_size,
                 (unsigned long)RECORD_SIZE);
        hark_io_report(path, problem);
        return -1;
    }
    if (records > 0x7FFFFFFFu)
    {
        hark_io_report(path, "record count out of range");
        return -1;
    }
    return (long)records;
}

/* Runs that many records make: every clip, or every step a stream of that many frames completes. */
static long run_count(long records)
{
#if defined(HARK_HOP_FRAMES)
    return records < HARK_WINDOW_FRAMES ? 0 : (records - HARK_WINDOW_FRAMES) / HARK_HOP_FRAMES + 1;
#else
    return records;
#endif
}

/*
 * Takes the record just read: a clip runs at once; a frame slides into the feature window, and a step runs when
 * the frame completes one. Sets *ran when the network ran and returns its status (or the window's).
 */
static arm_cmsis_nn_status take_record(long index, hark_trace_output *trace, int *ran)
{
#if defined(HARK_HOP_FRAMES)
    HARK_CHECK(hark_window_push_s8(features, HARK_FRAME_SIZE, HARK_WINDOW_FRAMES, record));
    const long since_full = index + 1 - HARK_WINDOW_FRAMES;
    *ran = since_full >= 0 && since_full % HARK_HOP_FRAMES == 0;
    return *ran ? hark_network_step(arena, features, probabilities, hark_trace_output_layer, trace)
                : ARM_CMSIS_NN_SUCCESS;
#else
    (void)index;
    *ran = 1;
    return hark_network_run(arena, features, probabilities, hark_trace_output_layer, trace);
#endif
}

/* The trace output's write function: the sink is the output file. */
static int write_to_file(const void *data, size_t size, void *sink)
{
    return fwrite(data, 1, size, (FILE *)sink) == size;
}

/* Runs every record of `in`, streaming the traces to `out`; returns 1 on success or 0 after reporting. */
static int run_records(FILE *in, const char *in_path, FILE *out, const char *out_path)
{
    const long records = read_input_header(in, in_path);
    if (records < 0)
    {
        return 0;
    }
    if (!(fwrite("HKTR", 1, 4, out) == 4 && hark_io_write_u32(out, HARNESS_VERSION) &&
          hark_io_write_u32(out, (uint32_t)run_count(records))))
    {
        hark_io_report(out_path, "write failed");
        return 0;
    }
    hark_trace_output trace;
    hark_trace_output_init(&trace, write_to_file, out, HARK_LAYER_COUNT, hark_layer_names, hark_layer_sizes);
    if (!hark_trace_output_write_table(&trace))
    {
        hark_io_report(out_path, trace.problem);
        return 0;
    }
#if defined(HARK_HOP_FRAMES)
    hark_network_reset(arena);
#endif
    long runs = 0;
    for (long index = 0; index < records; index++)
    {
        char problem[160];
        if (fread(record, 1, sizeof(record), in) != sizeof(record))
        {
            snprintf(problem, sizeof(problem), "truncated: %s %ld of %ld is incomplete", RECORD_NAME, index, records);
            hark_io_report(in_path, problem);
            return 0;
        }
        hark_trace_output_start(&trace);
        int ran = 0;
        const arm_cmsis_nn_status status = take_record(index, &trace, &ran);
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            snprintf(problem, sizeof(problem), "run %ld: the network returned status %d", runs, (int)status);
            hark_io_report(in_path, problem);
            return 0;
        }
        if (ran && !hark_trace_output_finish(&trace))
        {
            snprintf(problem, sizeof(problem), "run %ld: %s", runs, trace.problem);
            hark_io_report(out_path, problem);
            return 0;
        }
        runs += ran;
    }
    return hark_io_read_end(in, in_path, "trailing bytes after the last record");
}

int main(int argc, char **argv)
{
    return hark_io_main("hark_harness", argc, argv, "hark_in.bin", "hark_out.bin", run_records);
}
