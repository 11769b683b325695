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
 * hark_layer_sizes[]; anything else is an error. The output is written to "<out>.tmp" and renamed when complete,
 * so a reader never sees a partial file. Exit status 0 on success; 1 with a one-line message naming the file on
 * stderr otherwise. No heap allocation: the buffers are static, traces stream straight to the file.
 */

#include <stdio.h>
#include <string.h>

#include "arm_nn_types.h"
#include "hark_network.h"
#include "hark_nnfunctions.h"

#define HARNESS_VERSION 1u
#define TEMP_SUFFIX ".tmp"
#define MAX_PATH_LENGTH 512

#if defined(HARK_HOP_FRAMES)
#define RECORD_SIZE HARK_FRAME_SIZE
#define RECORD_NAME "frame"
#else
#define RECORD_SIZE HARK_INPUT_SIZE
#define RECORD_NAME "clip"
#endif

static int8_t arena[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));
static int8_t record[RECORD_SIZE];
static int8_t features[HARK_INPUT_SIZE];
static int8_t probabilities[HARK_OUTPUT_SIZE];

/* Where the trace callback writes, and how far the current clip got. */
typedef struct
{
    FILE *file;
    int32_t next_layer;
    int failed;
    char problem[96];
} trace_state;

static void report(const char *path, const char *problem)
{
    fprintf(stderr, "hark_harness: %s: %s\n", path, problem);
}

static int read_u32(FILE *file, uint32_t *value)
{
    uint8_t raw[4];
    if (fread(raw, 1, sizeof(raw), file) != sizeof(raw))
    {
        return 0;
    }
    *value = (uint32_t)raw[0] | ((uint32_t)raw[1] << 8) | ((uint32_t)raw[2] << 16) | ((uint32_t)raw[3] << 24);
    return 1;
}

static int write_u32(FILE *file, uint32_t value)
{
    const uint8_t raw[4] = {(uint8_t)value, (uint8_t)(value >> 8), (uint8_t)(value >> 16), (uint8_t)(value >> 24)};
    return fwrite(raw, 1, sizeof(raw), file) == sizeof(raw);
}

static void trace_layer(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    trace_state *state = (trace_state *)user;
    if (state->failed)
    {
        return;
    }
    if (layer != state->next_layer || layer < 0 || layer >= HARK_LAYER_COUNT)
    {
        snprintf(state->problem, sizeof(state->problem), "layer %ld traced out of order", (long)layer);
        state->failed = 1;
        return;
    }
    if (size != hark_layer_sizes[layer])
    {
        snprintf(state->problem, sizeof(state->problem), "layer %ld traced %ld bytes", (long)layer, (long)size);
        state->failed = 1;
        return;
    }
    if (fwrite(data, 1, (size_t)size, state->file) != (size_t)size)
    {
        snprintf(state->problem, sizeof(state->problem), "write failed");
        state->failed = 1;
        return;
    }
    state->next_layer++;
}

/* Reads and checks the input header; returns the record count or -1 after reporting the problem. */
static long read_input_header(FILE *in, const char *path)
{
    char magic[4];
    uint32_t version, records, record_size;
    if (fread(magic, 1, sizeof(magic), in) != sizeof(magic) || !read_u32(in, &version) || !read_u32(in, &records) ||
        !read_u32(in, &record_size))
    {
        report(path, "truncated header");
        return -1;
    }
    if (memcmp(magic, "HKIN", 4) != 0)
    {
        report(path, "not a hark input file (magic is not HKIN)");
        return -1;
    }
    if (version != HARNESS_VERSION)
    {
        report(path, "unsupported version (expected 1)");
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
        report(path, problem);
        return -1;
    }
    if (records > 0x7FFFFFFFu)
    {
        report(path, "record count out of range");
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

/* The layer table of the output file can only describe names of up to 255 bytes and non-negative sizes. */
static int check_layer_table(const char *path)
{
    for (int32_t layer = 0; layer < HARK_LAYER_COUNT; layer++)
    {
        if (strlen(hark_layer_names[layer]) > 255u || hark_layer_sizes[layer] < 0)
        {
            char problem[96];
            snprintf(problem, sizeof(problem), "layer %ld has a name over 255 bytes or a negative size", (long)layer);
            report(path, problem);
            return 0;
        }
    }
    return 1;
}

static int write_output_header(FILE *out, long runs)
{
    int ok = fwrite("HKTR", 1, 4, out) == 4 && write_u32(out, HARNESS_VERSION) && write_u32(out, (uint32_t)runs) &&
        write_u32(out, (uint32_t)HARK_LAYER_COUNT);
    for (int32_t layer = 0; ok && layer < HARK_LAYER_COUNT; layer++)
    {
        const size_t name_length = strlen(hark_layer_names[layer]);
        const uint8_t length_byte = (uint8_t)name_length;
        ok = write_u32(out, (uint32_t)hark_layer_sizes[layer]) && fwrite(&length_byte, 1, 1, out) == 1 &&
            fwrite(hark_layer_names[layer], 1, name_length, out) == name_length;
    }
    return ok;
}

/*
 * Takes the record just read: a clip runs at once; a frame slides into the feature window, and a step runs when
 * the frame completes one. Sets *ran when the network ran and returns its status (or the window's).
 */
static arm_cmsis_nn_status take_record(long index, trace_state *state, int *ran)
{
#if defined(HARK_HOP_FRAMES)
    HARK_CHECK(hark_window_push_s8(features, HARK_FRAME_SIZE, HARK_WINDOW_FRAMES, record));
    const long since_full = index + 1 - HARK_WINDOW_FRAMES;
    *ran = since_full >= 0 && since_full % HARK_HOP_FRAMES == 0;
    return *ran ? hark_network_step(arena, features, probabilities, trace_layer, state) : ARM_CMSIS_NN_SUCCESS;
#else
    (void)index;
    memcpy(features, record, sizeof(features));
    *ran = 1;
    return hark_network_run(arena, features, probabilities, trace_layer, state);
#endif
}

/* Runs every record of `in`, streaming the traces to `out`; returns 1 on success or 0 after reporting. */
static int run_records(FILE *in, const char *in_path, FILE *out, const char *out_path, long records)
{
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
            report(in_path, problem);
            return 0;
        }
        trace_state state = {out, 0, 0, ""};
        int ran = 0;
        const arm_cmsis_nn_status status = take_record(index, &state, &ran);
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            snprintf(problem, sizeof(problem), "run %ld: the network returned status %d", runs, (int)status);
            report(in_path, problem);
            return 0;
        }
        if (ran && !state.failed && state.next_layer != HARK_LAYER_COUNT)
        {
            snprintf(state.problem, sizeof(state.problem), "only %ld layers traced", (long)state.next_layer);
            state.failed = 1;
        }
        if (state.failed)
        {
            snprintf(problem, sizeof(problem), "run %ld: %s", runs, state.problem);
            report(out_path, problem);
            return 0;
        }
        runs += ran;
    }
    if (fgetc(in) != EOF)
    {
        report(in_path, "trailing bytes after the last record");
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    const char *in_path = argc >= 3 ? argv[1] : "hark_in.bin";
    const char *out_path = argc >= 3 ? argv[2] : "hark_out.bin";
    char temp_path[MAX_PATH_LENGTH];
    if (strlen(out_path) + sizeof(TEMP_SUFFIX) > sizeof(temp_path))
    {
        report(out_path, "path too long");
        return 1;
    }
    strcpy(temp_path, out_path);
    strcat(temp_path, TEMP_SUFFIX);

    FILE *in = fopen(in_path, "rb");
    if (in == NULL)
    {
        report(in_path, "cannot open");
        return 1;
    }
    const long records = read_input_header(in, in_path);
    if (records < 0 || !check_layer_table(out_path))
    {
        fclose(in);
        return 1;
    }

    FILE *out = fopen(temp_path, "wb");
    if (out == NULL)
    {
        report(temp_path, "cannot create");
        fclose(in);
        return 1;
    }
    int ok = write_output_header(out, run_count(records));
    if (!ok)
    {
        report(temp_path, "write failed");
    }
    ok = ok && run_records(in, in_path, out, temp_path, records);
    fclose(in);
    if (fclose(out) != 0 && ok)
    {
        report(temp_path, "write failed");
        ok = 0;
    }
    if (!ok)
    {
        remove(temp_path);
        return 1;
    }
    if (rename(temp_path, out_path) != 0)
    {
        report(out_path, "cannot rename the finished temporary file into place");
        remove(temp_path);
        return 1;
    }
    return 0;
}
