/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Front-end runner: streams PCM clips through the C front end (hark_frontend_push, then hark_frontend_finish) in
 * chunks of given sizes and records every frame and the point where it came out, so a test can compare them byte
 * for byte with the Java front end. The same source runs natively (TARGET=host) and on a board under QEMU, where
 * file IO goes through semihosting.
 *
 *   frontend_runner <in.bin> <out.bin>
 *
 * With fewer than two arguments the files are frontend_in.bin and frontend_out.bin in the working directory.
 *
 * Input file, all integers little-endian:
 *     "HKPC", u32 version = 1, u32 clip count, then per clip:
 *     u32 sample count (1..MAX_CLIP_SAMPLES), u32 chunk count (1..MAX_CHUNKS), the chunk sizes as u32 (each >= 1;
 *     the clip is pushed in chunks of these sizes, repeated from the first until the samples run out),
 *     sample count int16 samples; nothing may follow the last clip.
 * Output file:
 *     "HKFE", u32 version = 1, u32 clip count, u32 mel bins, then per clip: u32 frame count, then per frame:
 *     u32 samples of the clip pushed when the frame came out (0xFFFFFFFF for a frame of hark_frontend_finish),
 *     mel bins int8 codes.
 *
 * The output is written to "<out>.tmp" and renamed when complete. Exit status 0 on success; 1 with a one-line
 * message naming the file on stderr otherwise. No heap allocation: buffers and the front end's state are static.
 */

#include <stdio.h>
#include <string.h>

#include "hark_frontend.h"
#include "hark_harness_io.h"

#define RUNNER_VERSION 1u
#define MAX_CLIP_SAMPLES 160000u
#define MAX_CHUNKS 64u
#define MAX_FRAMES (MAX_CLIP_SAMPLES / HARK_FRONTEND_HOP_SAMPLES + 1)
#define FROM_FINISH 0xFFFFFFFFu

static hark_frontend_state frontend;
static int16_t samples[MAX_CLIP_SAMPLES];
static uint32_t chunks[MAX_CHUNKS];
static uint32_t frame_pushed[MAX_FRAMES];
static int8_t frame_features[MAX_FRAMES][HARK_FRONTEND_MEL_BINS];

/* Reads and checks the input header; returns the clip count or -1 after reporting the problem. */
static long read_input_header(FILE *in, const char *path)
{
    uint32_t clips;
    if (!hark_io_read_magic(in, path, "HKPC", RUNNER_VERSION))
    {
        return -1;
    }
    if (!hark_io_read_u32(in, &clips))
    {
        hark_io_report(path, "truncated header");
        return -1;
    }
    if (clips > 0x7FFFFFFFu)
    {
        hark_io_report(path, "clip count out of range");
        return -1;
    }
    return (long)clips;
}

/* Reads one clip's sample count, chunk sizes and samples; returns the sample count or 0 after reporting. */
static uint32_t read_clip(FILE *in, const char *path, long clip, uint32_t *chunk_count)
{
    char problem[128];
    uint32_t count;
    if (!hark_io_read_u32(in, &count) || !hark_io_read_u32(in, chunk_count))
    {
        snprintf(problem, sizeof(problem), "clip %ld: truncated", clip);
        hark_io_report(path, problem);
        return 0;
    }
    if (count < 1 || count > MAX_CLIP_SAMPLES || *chunk_count < 1 || *chunk_count > MAX_CHUNKS)
    {
        snprintf(problem, sizeof(problem), "clip %ld: %lu samples in %lu chunk sizes, out of range", clip,
                 (unsigned long)count, (unsigned long)*chunk_count);
        hark_io_report(path, problem);
        return 0;
    }
    for (uint32_t c = 0; c < *chunk_count; c++)
    {
        if (!hark_io_read_u32(in, &chunks[c]) || chunks[c] < 1)
        {
            snprintf(problem, sizeof(problem), "clip %ld: chunk size %lu is missing or 0", clip, (unsigned long)c);
            hark_io_report(path, problem);
            return 0;
        }
    }
    for (uint32_t n = 0; n < count; n++)
    {
        if (!hark_io_read_i16(in, &samples[n]))
        {
            snprintf(problem, sizeof(problem), "clip %ld: truncated after %lu samples", clip, (unsigned long)n);
            hark_io_report(path, problem);
            return 0;
        }
    }
    return count;
}

/* Pushes the clip chunk by chunk, then finishes it; returns the number of frames it gave. */
static uint32_t stream_clip(uint32_t count, uint32_t chunk_count)
{
    uint32_t frames = 0;
    uint32_t pushed = 0;
    for (uint32_t chunk = 0; pushed < count; chunk = (chunk + 1) % chunk_count)
    {
        const uint32_t size = chunks[chunk] < count - pushed ? chunks[chunk] : count - pushed;
        hark_frontend_pcm pcm = {samples + pushed, size};
        while (hark_frontend_push(&frontend, &pcm, frame_features[frames]))
        {
            frame_pushed[frames] = (uint32_t)(pcm.samples - samples);
            frames++;
        }
        pushed += size;
    }
    while (hark_frontend_finish(&frontend, frame_features[frames]))
    {
        frame_pushed[frames] = FROM_FINISH;
        frames++;
    }
    return frames;
}

static int write_frames(FILE *out, uint32_t frames)
{
    int ok = hark_io_write_u32(out, frames);
    for (uint32_t f = 0; ok && f < frames; f++)
    {
        ok = hark_io_write_u32(out, frame_pushed[f]) &&
            fwrite(frame_features[f], 1, HARK_FRONTEND_MEL_BINS, out) == HARK_FRONTEND_MEL_BINS;
    }
    return ok;
}

/* Streams every clip of `in` to `out`; returns 1 on success or 0 after reporting. */
static int run_clips(FILE *in, const char *in_path, FILE *out, const char *out_path)
{
    const long clips = read_input_header(in, in_path);
    if (clips < 0)
    {
        return 0;
    }
    if (!(fwrite("HKFE", 1, 4, out) == 4 && hark_io_write_u32(out, RUNNER_VERSION) &&
          hark_io_write_u32(out, (uint32_t)clips) && hark_io_write_u32(out, HARK_FRONTEND_MEL_BINS)))
    {
        hark_io_report(out_path, "write failed");
        return 0;
    }
    hark_frontend_init(&frontend);
    for (long clip = 0; clip < clips; clip++)
    {
        uint32_t chunk_count;
        const uint32_t count = read_clip(in, in_path, clip, &chunk_count);
        if (count == 0)
        {
            return 0;
        }
        if (!write_frames(out, stream_clip(count, chunk_count)))
        {
            hark_io_report(out_path, "write failed");
            return 0;
        }
    }
    return hark_io_read_end(in, in_path, "trailing bytes after the last clip");
}

int main(int argc, char **argv)
{
    return hark_io_main("frontend_runner", argc, argv, "frontend_in.bin", "frontend_out.bin", run_clips);
}
