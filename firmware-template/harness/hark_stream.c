/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_stream.h.
 */

#include "hark_stream.h"

#include <string.h>

#include "hark_text.h"

#define TEMP_SUFFIX ".tmp"
#define MAX_PATH_LENGTH 512

static const char *program_name = "hark";

/* Refills an empty read buffer; 0 at the end of the file or on an error. */
static int refill(hark_stream *in)
{
    if (in->failed)
    {
        return 0;
    }
    const long read = hark_file_read(&in->file, in->buffer, sizeof(in->buffer));
    if (read < 0)
    {
        in->failed = 1;
        return 0;
    }
    in->position = 0;
    in->filled = (size_t)read;
    return read > 0;
}

int hark_stream_read(hark_stream *in, void *data, size_t size)
{
    uint8_t *to = (uint8_t *)data;
    while (size > 0)
    {
        if (in->position == in->filled && !refill(in))
        {
            return 0;
        }
        size_t take = in->filled - in->position;
        take = take < size ? take : size;
        memcpy(to, in->buffer + in->position, take);
        in->position += take;
        to += take;
        size -= take;
    }
    return 1;
}

int hark_stream_read_u32(hark_stream *in, uint32_t *value)
{
    uint8_t raw[4];
    if (!hark_stream_read(in, raw, sizeof(raw)))
    {
        return 0;
    }
    *value = (uint32_t)raw[0] | ((uint32_t)raw[1] << 8) | ((uint32_t)raw[2] << 16) | ((uint32_t)raw[3] << 24);
    return 1;
}

int hark_stream_read_i16s(hark_stream *in, int16_t *samples, size_t count)
{
    for (size_t i = 0; i < count; i++)
    {
        uint8_t raw[2];
        if (!hark_stream_read(in, raw, sizeof(raw)))
        {
            return 0;
        }
        samples[i] = (int16_t)(uint16_t)((uint16_t)raw[0] | ((uint16_t)raw[1] << 8));
    }
    return 1;
}

int hark_stream_at_end(hark_stream *in)
{
    return in->position == in->filled && !refill(in) && !in->failed;
}

/* Writes the waiting bytes to the file. */
static int flush(hark_stream *out)
{
    if (!out->failed && out->position > 0 && !hark_file_write(&out->file, out->buffer, out->position))
    {
        out->failed = 1;
    }
    out->position = 0;
    return !out->failed;
}

int hark_stream_write(hark_stream *out, const void *data, size_t size)
{
    const uint8_t *from = (const uint8_t *)data;
    while (size > 0 && !out->failed)
    {
        if (out->position == sizeof(out->buffer))
        {
            flush(out);
            continue;
        }
        size_t put = sizeof(out->buffer) - out->position;
        put = put < size ? put : size;
        memcpy(out->buffer + out->position, from, put);
        out->position += put;
        from += put;
        size -= put;
    }
    return !out->failed;
}

int hark_stream_write_u32(hark_stream *out, uint32_t value)
{
    const uint8_t raw[4] = {(uint8_t)value, (uint8_t)(value >> 8), (uint8_t)(value >> 16), (uint8_t)(value >> 24)};
    return hark_stream_write(out, raw, sizeof(raw));
}

void hark_stream_report(const char *path, const char *problem)
{
    char message[256];
    hark_text text;
    hark_text_start(&text, message, sizeof(message) - 1);
    hark_text_add(&text, program_name);
    hark_text_add(&text, ": ");
    hark_text_add(&text, path);
    hark_text_add(&text, ": ");
    hark_text_add(&text, problem);
    /* The newline after a message cut short too: one line per problem. */
    message[text.length] = '\n';
    message[text.length + 1] = '\0';
    hark_file_error(message);
}

static void open_stream(hark_stream *stream)
{
    stream->position = 0;
    stream->filled = 0;
    stream->failed = 0;
}

int hark_stream_main(const char *program,
                     int argc,
                     char **argv,
                     const char *default_in,
                     const char *default_out,
                     hark_stream_body_fn body)
{
    /* Static: the buffers and the path on a board's 2 KB stack would leave the engine too little. */
    static hark_stream in;
    static hark_stream out;
    static char temp_path[MAX_PATH_LENGTH];
    program_name = program;
    const char *in_path = argc >= 3 ? argv[1] : default_in;
    const char *out_path = argc >= 3 ? argv[2] : default_out;
    if (strlen(out_path) + sizeof(TEMP_SUFFIX) > sizeof(temp_path))
    {
        hark_stream_report(out_path, "path too long");
        return 1;
    }
    strcpy(temp_path, out_path);
    strcat(temp_path, TEMP_SUFFIX);

    open_stream(&in);
    if (!hark_file_open_read(&in.file, in_path))
    {
        hark_stream_report(in_path, "cannot open");
        return 1;
    }
    open_stream(&out);
    if (!hark_file_open_write(&out.file, temp_path))
    {
        hark_stream_report(temp_path, "cannot create");
        hark_file_close(&in.file);
        return 1;
    }
    int ok = body(&in, in_path, &out, temp_path);
    hark_file_close(&in.file);
    if (ok && !flush(&out))
    {
        hark_stream_report(temp_path, "write failed");
        ok = 0;
    }
    if (!hark_file_close(&out.file) && ok)
    {
        hark_stream_report(temp_path, "write failed");
        ok = 0;
    }
    if (ok && !hark_file_rename(temp_path, out_path))
    {
        hark_stream_report(out_path, "cannot rename the finished output into place");
        ok = 0;
    }
    if (!ok)
    {
        hark_file_remove(temp_path);
        return 1;
    }
    return 0;
}
