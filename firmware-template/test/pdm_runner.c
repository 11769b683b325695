/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * PDM runner: decimates PDM streams with the C decimator (hark_pdm.h) in chunks of given sizes and writes the PCM,
 * so a test can compare it byte for byte with the Java reference (PdmDecimator). The same source runs natively
 * (TARGET=host) and on a board under QEMU, where file IO goes through semihosting.
 *
 *   pdm_runner <in.bin> <out.bin>
 *
 * With fewer than two arguments the files are pdm_in.bin and pdm_out.bin in the working directory.
 *
 * Input file, all integers little-endian:
 *     "HKPD", u32 version = 1, u32 stream count, then per stream:
 *     u32 decimation, u32 bit order (0 MSB first, 1 LSB first), u32 gain (Q8), u32 unit (1: pushed as bytes with
 *     hark_pdm_push_bytes, 2: as 16-bit words with hark_pdm_push_words, each word little-endian in the file),
 *     u32 byte count (a multiple of the unit), u32 chunk count (1..MAX_CHUNKS), the chunk sizes in units as u32
 *     (1..MAX_CHUNK_BYTES / unit; repeated from the first until the stream runs out), the bytes; nothing may follow.
 * Output file:
 *     "HKPO", u32 version = 1, u32 stream count, then per stream and per push (one per chunk, the last one possibly
 *     short): u32 sample count, the int16 samples.
 *
 * The stream is read one chunk at a time, so the buffers are small enough for every core's RAM (the micro:bit has
 * 16 KB). The output is written to "<out>.tmp" and renamed when complete. Exit status 0 on success; 1 with a
 * one-line message naming the file on stderr otherwise. No heap allocation: buffers and the decimator's state are
 * static.
 */

#include <stdio.h>
#include <string.h>

#include "hark_harness_io.h"
#include "hark_pdm.h"

#define RUNNER_VERSION 1u
#define MAX_CHUNK_BYTES 2048u
#define MAX_CHUNKS 64u
#define UNIT_BYTES 1u
#define UNIT_WORDS 2u

static hark_pdm_state pdm;
static uint8_t bytes[MAX_CHUNK_BYTES];
static uint16_t words[MAX_CHUNK_BYTES / 2u];
static int16_t pcm[HARK_PDM_MAX_SAMPLES(MAX_CHUNK_BYTES)];
static uint32_t chunks[MAX_CHUNKS];

typedef struct
{
    hark_pdm_config config;
    uint32_t unit;
    uint32_t count;
    uint32_t chunk_count;
} stream_header;

/* Reads one stream's settings and chunk sizes; 1 on success, 0 after reporting. */
static int read_stream_header(FILE *in, const char *path, uint32_t stream, stream_header *header)
{
    char problem[160];
    uint32_t decimation;
    uint32_t order;
    uint32_t gain;
    if (!hark_io_read_u32(in, &decimation) || !hark_io_read_u32(in, &order) || !hark_io_read_u32(in, &gain) ||
        !hark_io_read_u32(in, &header->unit) || !hark_io_read_u32(in, &header->count) ||
        !hark_io_read_u32(in, &header->chunk_count))
    {
        snprintf(problem, sizeof(problem), "stream %lu: truncated", (unsigned long)stream);
        hark_io_report(path, problem);
        return 0;
    }
    header->config.decimation = decimation;
    header->config.bit_order = order == 0 ? HARK_PDM_MSB_FIRST : HARK_PDM_LSB_FIRST;
    header->config.gain_q8 = gain > 0x7FFFFFFFu ? 0 : (int32_t)gain;
    if (order > 1 || (header->unit != UNIT_BYTES && header->unit != UNIT_WORDS) ||
        header->count % header->unit != 0 || header->chunk_count < 1 || header->chunk_count > MAX_CHUNKS)
    {
        snprintf(problem, sizeof(problem), "stream %lu: bit order %lu, unit %lu, %lu bytes in %lu chunk sizes, out of range",
                 (unsigned long)stream, (unsigned long)order, (unsigned long)header->unit,
                 (unsigned long)header->count, (unsigned long)header->chunk_count);
        hark_io_report(path, problem);
        return 0;
    }
    for (uint32_t c = 0; c < header->chunk_count; c++)
    {
        if (!hark_io_read_u32(in, &chunks[c]) || chunks[c] < 1 || chunks[c] > MAX_CHUNK_BYTES / header->unit)
        {
            snprintf(problem, sizeof(problem), "stream %lu: chunk size %lu is missing or out of range",
                     (unsigned long)stream, (unsigned long)c);
            hark_io_report(path, problem);
            return 0;
        }
    }
    return 1;
}

/* Reads the stream chunk by chunk, decimates each and writes what each push gave; 1 on success, 0 after reporting. */
static int decimate(FILE *in, const char *in_path, FILE *out, const char *out_path, uint32_t stream,
                    const stream_header *header)
{
    const uint32_t units = header->count / header->unit;
    uint32_t pushed = 0;
    for (uint32_t chunk = 0; pushed < units; chunk = (chunk + 1u) % header->chunk_count)
    {
        const uint32_t size = chunks[chunk] < units - pushed ? chunks[chunk] : units - pushed;
        if (fread(bytes, header->unit, size, in) != size)
        {
            char problem[128];
            snprintf(problem, sizeof(problem), "stream %lu: fewer than %lu bytes", (unsigned long)stream,
                     (unsigned long)header->count);
            hark_io_report(in_path, problem);
            return 0;
        }
        size_t made;
        if (header->unit == UNIT_BYTES)
        {
            made = hark_pdm_push_bytes(&pdm, bytes, size, pcm);
        }
        else
        {
            for (uint32_t w = 0; w < size; w++)
            {
                words[w] = (uint16_t)(bytes[2u * w] | (uint32_t)bytes[2u * w + 1u] << 8);
            }
            made = hark_pdm_push_words(&pdm, words, size, pcm);
        }
        int ok = hark_io_write_u32(out, (uint32_t)made);
        for (size_t n = 0; ok && n < made; n++)
        {
            const uint16_t value = (uint16_t)pcm[n];
            ok = fputc(value & 0xFFu, out) != EOF && fputc(value >> 8, out) != EOF;
        }
        if (!ok)
        {
            hark_io_report(out_path, "write failed");
            return 0;
        }
        pushed += size;
    }
    return 1;
}

static int run(FILE *in, const char *in_path, FILE *out, const char *out_path)
{
    uint32_t streams;
    if (!hark_io_read_magic(in, in_path, "HKPD", RUNNER_VERSION))
    {
        return 0;
    }
    if (!hark_io_read_u32(in, &streams))
    {
        hark_io_report(in_path, "truncated header");
        return 0;
    }
    if (!(fwrite("HKPO", 1, 4, out) == 4 && hark_io_write_u32(out, RUNNER_VERSION) &&
          hark_io_write_u32(out, streams)))
    {
        hark_io_report(out_path, "write failed");
        return 0;
    }
    for (uint32_t s = 0; s < streams; s++)
    {
        stream_header header;
        if (!read_stream_header(in, in_path, s, &header))
        {
            return 0;
        }
        if (!hark_pdm_init(&pdm, &header.config))
        {
            char problem[128];
            snprintf(problem, sizeof(problem), "stream %lu: decimation %lu or gain %ld not supported",
                     (unsigned long)s, (unsigned long)header.config.decimation, (long)header.config.gain_q8);
            hark_io_report(in_path, problem);
            return 0;
        }
        if (!decimate(in, in_path, out, out_path, s, &header))
        {
            return 0;
        }
    }
    return hark_io_read_end(in, in_path, "trailing bytes after the last stream");
}

int main(int argc, char **argv)
{
    return hark_io_main("pdm_runner", argc, argv, "pdm_in.bin", "pdm_out.bin", run);
}
