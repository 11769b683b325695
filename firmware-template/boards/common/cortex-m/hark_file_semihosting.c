/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark_file.h on a board: every call is one semihosting call (hark_semihosting.h), so a program using it needs
 * neither newlib's stdio nor a heap. Linked with the start-up code compiled with -DHARK_BOARD_NO_STDIO, which defines
 * rename().
 */

#include "hark_file.h"

#include <stdio.h>
#include <string.h>

#include "hark_semihosting.h"

static int open_file(hark_file *file, const char *path, int32_t mode)
{
    struct
    {
        const char *path;
        int32_t mode;
        int32_t length;
    } block = {path, mode, (int32_t)strlen(path)};
    const int32_t handle = hark_semihosting_call(HARK_SEMIHOSTING_SYS_OPEN, &block);
    file->handle = handle;
    return handle != -1;
}

int hark_file_open_read(hark_file *file, const char *path)
{
    return open_file(file, path, HARK_SEMIHOSTING_OPEN_READ_BINARY);
}

int hark_file_open_write(hark_file *file, const char *path)
{
    return open_file(file, path, HARK_SEMIHOSTING_OPEN_WRITE_BINARY);
}

/* SYS_READ and SYS_WRITE take the handle, the buffer and its length, and return the bytes NOT transferred. */
typedef struct
{
    int32_t handle;
    void *data;
    int32_t length;
} transfer_block;

long hark_file_read(hark_file *file, void *data, size_t size)
{
    transfer_block block = {(int32_t)file->handle, data, (int32_t)size};
    const int32_t not_read = hark_semihosting_call(HARK_SEMIHOSTING_SYS_READ, &block);
    return not_read < 0 || not_read > (int32_t)size ? -1 : (long)((int32_t)size - not_read);
}

int hark_file_write(hark_file *file, const void *data, size_t size)
{
    transfer_block block = {(int32_t)file->handle, (void *)(uintptr_t)data, (int32_t)size};
    return hark_semihosting_call(HARK_SEMIHOSTING_SYS_WRITE, &block) == 0;
}

int hark_file_close(hark_file *file)
{
    int32_t handle = (int32_t)file->handle;
    return hark_semihosting_call(HARK_SEMIHOSTING_SYS_CLOSE, &handle) == 0;
}

/* The start-up code's rename() (startup_cortex_m.c) is the one semihosting RENAME call. */
int hark_file_rename(const char *from, const char *to)
{
    return rename(from, to) == 0;
}

int hark_file_remove(const char *path)
{
    struct
    {
        const char *path;
        int32_t length;
    } block = {path, (int32_t)strlen(path)};
    return hark_semihosting_call(HARK_SEMIHOSTING_SYS_REMOVE, &block) == 0;
}

void hark_file_error(const char *message)
{
    hark_semihosting_call(HARK_SEMIHOSTING_SYS_WRITE0, (void *)(uintptr_t)message);
}
