/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What the test programs that exchange files with the Java side share: little-endian integers, the file header
 * check, the problem report and the shape of main (input and output paths from the arguments or defaults, the
 * output written under a temporary name and renamed into place only when complete). Natively and under QEMU,
 * where stdio reaches the host through semihosting.
 */

#ifndef HARK_HARNESS_IO_H
#define HARK_HARNESS_IO_H

#include <stdint.h>
#include <stdio.h>

/** Prints "<program>: <path>: <problem>" on stderr. */
void hark_io_report(const char *path, const char *problem);

/** Reads a little-endian u32; 0 at the end of the file. */
int hark_io_read_u32(FILE *file, uint32_t *value);

/** Reads a little-endian int16; 0 at the end of the file. */
int hark_io_read_i16(FILE *file, int16_t *value);

/** Writes a little-endian u32; 0 when the write fails. */
int hark_io_write_u32(FILE *file, uint32_t value);

/** Reads a 4-byte magic and a u32 version and checks both; 0 after reporting the problem. */
int hark_io_read_magic(FILE *in, const char *path, const char magic[4], uint32_t version);

/** Checks that the input holds nothing more; 0 after reporting `problem` ("trailing bytes after ..."). */
int hark_io_read_end(FILE *in, const char *path, const char *problem);

/** The part of a program between opening its files and closing them; 1 on success, 0 after reporting. */
typedef int (*hark_io_body_fn)(FILE *in, const char *in_path, FILE *out, const char *out_path);

/**
 * Runs `body` on the input file and a temporary output file, and renames the output into place when body
 * succeeds (removing it otherwise). The paths are argv[1] and argv[2], or the defaults with fewer arguments (QEMU
 * passes none). Returns main's exit status: 0 on success, 1 after a problem was reported.
 */
int hark_io_main(const char *program,
                 int argc,
                 char **argv,
                 const char *default_in,
                 const char *default_out,
                 hark_io_body_fn body);

#endif /* HARK_HARNESS_IO_H */
