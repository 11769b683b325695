/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Buffered reading and writing of host files over hark_file.h, and the shape of a program's main around them, for
 * the programs that must run without the C library's stdio and heap (the listening harness): the same as
 * hark_harness_io.h offers over stdio, with a buffer of HARK_STREAM_BUFFER_BYTES per file and nothing else.
 * Integers are little-endian. A stream that failed once stays failed.
 */

#ifndef HARK_STREAM_H
#define HARK_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "hark_file.h"

/* Small enough for a 16 KB board, large enough that most transfers are one call to the host. */
#define HARK_STREAM_BUFFER_BYTES 256u

/** A file being read or written through a buffer. */
typedef struct
{
    hark_file file;
    uint8_t buffer[HARK_STREAM_BUFFER_BYTES];
    size_t position; /* reading: the next byte to take; writing: the bytes waiting to be written */
    size_t filled;   /* reading: the bytes the buffer holds */
    int failed;
} hark_stream;

/** Reads `size` bytes; 0 at the end of the file or on an error. */
int hark_stream_read(hark_stream *in, void *data, size_t size);

/** Reads a u32; 0 at the end of the file or on an error. */
int hark_stream_read_u32(hark_stream *in, uint32_t *value);

/** Reads int16 samples; 0 when fewer than `count` were left or on an error. */
int hark_stream_read_i16s(hark_stream *in, int16_t *samples, size_t count);

/** 1 when the file holds nothing more. */
int hark_stream_at_end(hark_stream *in);

/** Writes `size` bytes; 0 when the write (or an earlier one) failed. */
int hark_stream_write(hark_stream *out, const void *data, size_t size);

/** Writes a u32; 0 when the write (or an earlier one) failed. */
int hark_stream_write_u32(hark_stream *out, uint32_t value);

/** Prints "<program>: <path>: <problem>" on the error stream. */
void hark_stream_report(const char *path, const char *problem);

/** The part of a program between opening its files and closing them; 1 on success, 0 after reporting. */
typedef int (*hark_stream_body_fn)(hark_stream *in, const char *in_path, hark_stream *out, const char *out_path);

/**
 * Runs `body` on the input file and a temporary output file ("<output>.tmp"), and renames the output into place
 * when body succeeds (removing it otherwise). The paths are argv[1] and argv[2], or the defaults with fewer
 * arguments (QEMU passes none). Returns main's exit status: 0 on success, 1 after a problem was reported.
 */
int hark_stream_main(const char *program,
                     int argc,
                     char **argv,
                     const char *default_in,
                     const char *default_out,
                     hark_stream_body_fn body);

#endif /* HARK_STREAM_H */
