/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Files on the host without the C library's stdio: what a program needs that must fit a board with little RAM
 * (the listening harness on the micro:bit's 16 KB), where newlib's stdio would take its heap and buffers. Two
 * implementations with the same behaviour: hark_file_stdio.c natively (TARGET=host) and
 * boards/common/cortex-m/hark_file_semihosting.c on a board, whose calls reach the host through semihosting.
 * Nothing is buffered here: hark_stream.h buffers.
 */

#ifndef HARK_FILE_H
#define HARK_FILE_H

#include <stddef.h>
#include <stdint.h>

/** An open file: the platform's handle. */
typedef struct
{
    intptr_t handle;
} hark_file;

/** Opens `path` for reading (binary); 0 when it cannot be opened. */
int hark_file_open_read(hark_file *file, const char *path);

/** Creates or truncates `path` for writing (binary); 0 when it cannot be created. */
int hark_file_open_write(hark_file *file, const char *path);

/** Reads up to `size` bytes; returns how many were read (fewer only at the end of the file), or -1 on an error. */
long hark_file_read(hark_file *file, void *data, size_t size);

/** Writes `size` bytes; 0 when not all of them were written. */
int hark_file_write(hark_file *file, const void *data, size_t size);

/** Closes the file; 0 when closing failed (for a written file: its bytes may not have reached the host). */
int hark_file_close(hark_file *file);

/** Renames `from` to `to`, replacing `to`; 0 on failure. */
int hark_file_rename(const char *from, const char *to);

/** Removes `path`; 0 on failure. */
int hark_file_remove(const char *path);

/** Writes a message (a text ending with a newline) to the error stream. */
void hark_file_error(const char *message);

#endif /* HARK_FILE_H */
