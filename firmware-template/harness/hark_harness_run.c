/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_harness_run.h; the file formats are described in hark_harness_main.c.
 */

#include "hark_harness_run.h"

#include "hark_harness_io.h"
#include "hark_nnfunctions.h"
#include "hark_trace_output.h"

#define HARNESS_VERSION 1u

/* What a record is called in messages. */
static const char *record_name(const hark_harness_network *network)
{
    return network->hop_frames > 0 ? "frame" : "clip";
}

/* Reads and checks the input header; returns the record count or -1 after reporting the problem. */
static long read_input_header(const hark_harness_network *network, FILE *in, const char *path)
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
    if (record_size != network->record_size)
    {
        char problem[96];
        snprintf(problem,
                 sizeof(problem),
                 "%s size %lu does not match the network's %lu",
                 record_name(network),
                 (unsigned long)record_size,
                 (unsigned long)network->record_size);
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
static long run_count(const hark_harness_network *network, long records)
{
    if (network->hop_frames > 0)
    {
        return records < network->window_frames ? 0
                                                 : (records - network->window_frames) / network->hop_frames + 1;
    }
    return records;
}

/*
 * Takes the record just read: a clip runs at once; a frame slides into the feature window, and a step runs when
 * the frame completes one. Sets *ran when the network ran and returns its status (or the window's).
 */
static arm_cmsis_nn_status take_record(const hark_harness_network *network,
                                       long index,
                                       hark_trace_output *trace,
                                       int *ran)
{
    if (network->hop_frames > 0)
    {
        HARK_CHECK(hark_window_push_s8(
            network->features, (int32_t)network->record_size, network->window_frames, network->record));
        const long since_full = index + 1 - network->window_frames;
        *ran = since_full >= 0 && since_full % network->hop_frames == 0;
        return *ran ? network->run(network->arena, network->features, network->output, hark_trace_output_layer, trace)
                    : ARM_CMSIS_NN_SUCCESS;
    }
    (void)index;
    *ran = 1;
    return network->run(network->arena, network->features, network->output, hark_trace_output_layer, trace);
}

/* The trace output's write function: the sink is the output file. */
static int write_to_file(const void *data, size_t size, void *sink)
{
    return fwrite(data, 1, size, (FILE *)sink) == size;
}

int hark_harness_run_records(const hark_harness_network *network,
                             FILE *in,
                             const char *in_path,
                             FILE *out,
                             const char *out_path)
{
    const long records = read_input_header(network, in, in_path);
    if (records < 0)
    {
        return 0;
    }
    if (!(fwrite("HKTR", 1, 4, out) == 4 && hark_io_write_u32(out, HARNESS_VERSION) &&
          hark_io_write_u32(out, (uint32_t)run_count(network, records))))
    {
        hark_io_report(out_path, "write failed");
        return 0;
    }
    hark_trace_output trace;
    hark_trace_output_init(
        &trace, write_to_file, out, network->layer_count, network->layer_names, network->layer_sizes);
    if (!hark_trace_output_write_table(&trace))
    {
        hark_io_report(out_path, trace.problem);
        return 0;
    }
    if (network->reset != NULL)
    {
        network->reset(network->arena);
    }
    long runs = 0;
    for (long index = 0; index < records; index++)
    {
        char problem[160];
        if (fread(network->record, 1, network->record_size, in) != network->record_size)
        {
            snprintf(problem,
                     sizeof(problem),
                     "truncated: %s %ld of %ld is incomplete",
                     record_name(network),
                     index,
                     records);
            hark_io_report(in_path, problem);
            return 0;
        }
        hark_trace_output_start(&trace);
        int ran = 0;
        const arm_cmsis_nn_status status = take_record(network, index, &trace, &ran);
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
