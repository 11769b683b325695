/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark_file.h natively: the C library's streams.
 */

#include "hark_file.h"

#include <stdio.h>

static FILE *stream_of(const hark_file *file)
{
    return (FILE *)file->handle;
}

static int open_stream(hark_file *file, const char *path, const char *mode)
{
    FILE *stream = fopen(path, mode);
    file->handle = (intptr_t)stream;
    return stream != NULL;
}

int hark_file_open_read(hark_file *file, const char *path)
{
    return open_stream(file, path, "rb");
}

int hark_file_open_write(hark_file *file, const char *path)
{
    return open_stream(file, path, "wb");
}

long hark_file_read(hark_file *file, void *data, size_t size)
{
    const size_t read = fread(data, 1, size, stream_of(file));
    return read < size && ferror(stream_of(file)) ? -1 : (long)read;
}

int hark_file_write(hark_file *file, const void *data, size_t size)
{
    return fwrite(data, 1, size, stream_of(file)) == size;
}

int hark_file_close(hark_file *file)
{
    return fclose(stream_of(file)) == 0;
}

int hark_file_rename(const char *from, const char *to)
{
    return rename(from, to) == 0;
}

int hark_file_remove(const char *path)
{
    return remove(path) == 0;
}

void hark_file_error(const char *message)
{
    fputs(message, stderr);
}
