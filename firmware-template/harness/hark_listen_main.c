/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Listening harness: streams PCM through the keyword-spotting engine (hark_kws: front end, streaming network,
 * detector) in chunks of given sizes and records every feature frame, every network step's traced tensors and every
 * detection, so the host tools can compare the device's listening byte for byte with the Java simulator. The same
 * source runs natively (TARGET=host) and on a board under QEMU, where file IO goes through semihosting.
 *
 *   hark_listen <in.bin> <out.bin>
 *
 * With fewer than two arguments the files are listen_in.bin and listen_out.bin in the working directory.
 *
 * Input file, all integers little-endian:
 *     "HKLS", u32 version = 1, u32 sample count, u32 chunk count (1..MAX_CHUNKS), the chunk sizes as u32 (each 1 to
 *     MAX_CHUNK_SIZE; the audio goes to hark_kws_process in chunks of these sizes, repeated from the first until
 *     the samples run out), u32 smoothing steps, u32 threshold, u32 refractory steps, then the int16 samples;
 *     nothing may follow.
 * Output file:
 *     "HKLT", u32 version = 1, u32 mel bins, then the layer table (hark_trace_output.h), then one record per event
 *     in the order they happened:
 *         'F', mel bins int8 codes                          a feature frame
 *         'S', every traced layer of the step in order       a network step
 *         'E', u32 step, u32 sample (low), u32 sample (high), u32 score    a detection
 *     and last 'Z', u32 frames, u32 steps, u32 detections.
 *
 * Exit status 0 on success; 1 with a one-line message naming the file on stderr otherwise.
 *
 * It streams: the samples are read a chunk at a time and every record is written as it happens, through
 * hark_stream.h, which needs neither the C library's stdio nor a heap (on a board, semihosting calls), so the
 * program fits a board with 16 KB of RAM. Its sample buffer holds MAX_CHUNK_SAMPLES; a chunk longer than that
 * reaches hark_kws_process in consecutive calls of at most MAX_CHUNK_SAMPLES, which the engine must hear the same
 * way (its output does not depend on how the audio is cut).
 */

#include <string.h>

#include "hark_kws.h"
#include "hark_stream.h"
#include "hark_text.h"
#include "hark_trace_output.h"

#define LISTEN_VERSION 1u
#define MAX_CHUNKS 64u
/* The largest chunk size the input may name: 10 s (ListenFiles.MAX_CHUNK_SAMPLES on the Java side). */
#define MAX_CHUNK_SIZE 160000u
/*
 * The sample buffer: 10 s natively, so every chunk reaches the engine in one call; on a board, the size its
 * descriptor gives (board.listen.buffer.samples, 2 bytes a sample, counted by hark's fit check), and longer chunks
 * reach the engine in pieces.
 */
#if defined(HARK_LISTEN_MAX_CHUNK_SAMPLES)
#define MAX_CHUNK_SAMPLES HARK_LISTEN_MAX_CHUNK_SAMPLES
#else
#define MAX_CHUNK_SAMPLES MAX_CHUNK_SIZE
#endif

static hark_kws kws;
static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
static int16_t chunk_samples[MAX_CHUNK_SAMPLES];
static uint32_t chunks[MAX_CHUNKS];

/* Where the callbacks write, and what went wrong first. */
typedef struct
{
    hark_stream *out;
    hark_trace_output trace;
    uint32_t frames;
    uint32_t steps;
    uint32_t detections;
    int failed;
    char problem[96];
} listen_output;

static void fail(listen_output *o, const char *problem)
{
    if (!o->failed)
    {
        hark_text text;
        hark_text_start(&text, o->problem, sizeof(o->problem));
        hark_text_add(&text, problem);
        o->failed = 1;
    }
}

/* The trace output's write function: the sink is the output stream. */
static int write_to_stream(const void *data, size_t size, void *sink)
{
    return hark_stream_write((hark_stream *)sink, data, size);
}

static int write_tag(hark_stream *out, char tag)
{
    const uint8_t byte = (uint8_t)tag;
    return hark_stream_write(out, &byte, 1);
}

static void on_frame(const int8_t features[HARK_FRONTEND_MEL_BINS], void *user)
{
    listen_output *o = (listen_output *)user;
    if (!(write_tag(o->out, 'F') && hark_stream_write(o->out, features, HARK_FRONTEND_MEL_BINS)))
    {
        fail(o, "write failed");
    }
    o->frames++;
}

/* The network's trace callback: a step starts with its first layer, which gets the record's tag. */
static void on_layer(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    listen_output *o = (listen_output *)user;
    if (layer == 0)
    {
        if (o->steps > 0 && !hark_trace_output_finish(&o->trace))
        {
            fail(o, o->trace.problem);
        }
        hark_trace_output_start(&o->trace);
        if (!write_tag(o->out, 'S'))
        {
            fail(o, "write failed");
        }
        o->steps++;
    }
    hark_trace_output_layer(layer, data, size, &o->trace);
}

static void on_event(const hark_kws_event *event, void *user)
{
    listen_output *o = (listen_output *)user;
    if (!hark_trace_output_finish(&o->trace))
    {
        fail(o, o->trace.problem);
    }
    if (!(write_tag(o->out, 'E') && hark_stream_write_u32(o->out, event->step) &&
          hark_stream_write_u32(o->out, (uint32_t)event->sample) &&
          hark_stream_write_u32(o->out, (uint32_t)(event->sample >> 32)) &&
          hark_stream_write_u32(o->out, (uint32_t)event->score)))
    {
        fail(o, "write failed");
    }
    o->detections++;
}

/* Reads the magic and the version and checks both; 0 after reporting. */
static int read_magic(hark_stream *in, const char *path)
{
    uint8_t magic[4];
    uint32_t version;
    if (!hark_stream_read(in, magic, sizeof(magic)) || !hark_stream_read_u32(in, &version))
    {
        hark_stream_report(path, "truncated header");
        return 0;
    }
    if (memcmp(magic, "HKLS", sizeof(magic)) != 0)
    {
        hark_stream_report(path, "not a hark file of this kind (magic is not HKLS)");
        return 0;
    }
    if (version != LISTEN_VERSION)
    {
        hark_stream_report(path, "unsupported version (expected 1)");
        return 0;
    }
    return 1;
}

/* Reads the header; returns the sample count and fills the chunks and the settings, or -1 after reporting. */
static long read_header(hark_stream *in, const char *path, uint32_t *chunk_count, hark_detector_settings *settings)
{
    uint32_t samples, smoothing, threshold, refractory;
    if (!read_magic(in, path))
    {
        return -1;
    }
    if (!hark_stream_read_u32(in, &samples) || !hark_stream_read_u32(in, chunk_count) || *chunk_count < 1 ||
        *chunk_count > MAX_CHUNKS || samples > 0x7FFFFFFFu)
    {
        hark_stream_report(path, "truncated header, or the sample or chunk count out of range");
        return -1;
    }
    for (uint32_t c = 0; c < *chunk_count; c++)
    {
        if (!hark_stream_read_u32(in, &chunks[c]) || chunks[c] < 1 || chunks[c] > MAX_CHUNK_SIZE)
        {
            hark_stream_report(path, "a chunk size is missing or out of range");
            return -1;
        }
    }
    if (!hark_stream_read_u32(in, &smoothing) || !hark_stream_read_u32(in, &threshold) ||
        !hark_stream_read_u32(in, &refractory) || smoothing > 0x7FFFFFFFu || threshold > 0x7FFFFFFFu ||
        refractory > 0x7FFFFFFFu)
    {
        hark_stream_report(path, "truncated header: detection settings");
        return -1;
    }
    settings->smoothing_steps = (int32_t)smoothing;
    settings->threshold = (int32_t)threshold;
    settings->refractory_steps = (int32_t)refractory;
    return (long)samples;
}

/* Reads `size` samples and hands them to the engine, at most a buffer at a time; 0 after reporting. */
static int hear(hark_stream *in, const char *in_path, long size)
{
    while (size > 0)
    {
        const long piece = size < (long)MAX_CHUNK_SAMPLES ? size : (long)MAX_CHUNK_SAMPLES;
        if (!hark_stream_read_i16s(in, chunk_samples, (size_t)piece))
        {
            hark_stream_report(in_path, "truncated: fewer samples than the header says");
            return 0;
        }
        const arm_cmsis_nn_status status = hark_kws_process(&kws, chunk_samples, (size_t)piece);
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            char problem[64];
            hark_text text;
            hark_text_start(&text, problem, sizeof(problem));
            hark_text_add(&text, "hark_kws_process returned status ");
            hark_text_add_long(&text, (long)status);
            hark_stream_report(in_path, problem);
            return 0;
        }
        size -= piece;
    }
    return 1;
}

static int listen(hark_stream *in, const char *in_path, hark_stream *out, const char *out_path)
{
    uint32_t chunk_count;
    hark_kws_config config;
    memset(&config, 0, sizeof(config));
    const long samples = read_header(in, in_path, &chunk_count, &config.detection);
    if (samples < 0)
    {
        return 0;
    }
    /* Static: the board's small stack is the engine's. */
    static listen_output o;
    memset(&o, 0, sizeof(o));
    o.out = out;
    hark_trace_output_init(&o.trace, write_to_stream, out, HARK_LAYER_COUNT, hark_layer_names, hark_layer_sizes);
    config.on_event = on_event;
    config.event_user = &o;
    config.on_frame = on_frame;
    config.frame_user = &o;
    config.trace = on_layer;
    config.trace_user = &o;
    if (hark_kws_init(&kws, arena, sizeof(arena), &config) != ARM_CMSIS_NN_SUCCESS)
    {
        hark_stream_report(in_path, "the detection settings are out of range");
        return 0;
    }
    if (!(hark_stream_write(out, "HKLT", 4) && hark_stream_write_u32(out, LISTEN_VERSION) &&
          hark_stream_write_u32(out, HARK_FRONTEND_MEL_BINS)))
    {
        hark_stream_report(out_path, "write failed");
        return 0;
    }
    if (!hark_trace_output_write_table(&o.trace))
    {
        hark_stream_report(out_path, o.trace.problem);
        return 0;
    }
    long pushed = 0;
    for (uint32_t chunk = 0; pushed < samples && !o.failed; chunk = (chunk + 1) % chunk_count)
    {
        const long size = (long)chunks[chunk] < samples - pushed ? (long)chunks[chunk] : samples - pushed;
        if (!hear(in, in_path, size))
        {
            return 0;
        }
        pushed += size;
    }
    if (o.steps > 0 && !hark_trace_output_finish(&o.trace))
    {
        fail(&o, o.trace.problem);
    }
    if (o.failed)
    {
        hark_stream_report(out_path, o.problem);
        return 0;
    }
    if (!hark_stream_at_end(in))
    {
        hark_stream_report(in_path, "trailing bytes after the last sample");
        return 0;
    }
    if (!(write_tag(out, 'Z') && hark_stream_write_u32(out, o.frames) && hark_stream_write_u32(out, o.steps) &&
          hark_stream_write_u32(out, o.detections)))
    {
        hark_stream_report(out_path, "write failed");
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    return hark_stream_main("hark_listen", argc, argv, "listen_in.bin", "listen_out.bin", listen);
}
