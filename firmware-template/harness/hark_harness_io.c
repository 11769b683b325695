/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_harness_io.h.
 */

#include "hark_harness_io.h"

#include <string.h>

#define TEMP_SUFFIX ".tmp"
#define MAX_PATH_LENGTH 512

static const char *program_name = "hark";

void hark_io_report(const char *path, const char *problem)
{
    fprintf(stderr, "%s: %s: %s\n", program_name, path, problem);
}

int hark_io_read_u32(FILE *file, uint32_t *value)
{
    uint8_t raw[4];
    if (fread(raw, 1, sizeof(raw), file) != sizeof(raw))
    {
        return 0;
    }
    *value = (uint32_t)raw[0] | ((uint32_t)raw[1] << 8) | ((uint32_t)raw[2] << 16) | ((uint32_t)raw[3] << 24);
    return 1;
}

int hark_io_read_i16(FILE *file, int16_t *value)
{
    uint8_t raw[2];
    if (fread(raw, 1, sizeof(raw), file) != sizeof(raw))
    {
        return 0;
    }
    *value = (int16_t)(uint16_t)((uint16_t)raw[0] | ((uint16_t)raw[1] << 8));
    return 1;
}

int hark_io_write_u32(FILE *file, uint32_t value)
{
    const uint8_t raw[4] = {(uint8_t)value, (uint8_t)(value >> 8), (uint8_t)(value >> 16), (uint8_t)(value >> 24)};
    return fwrite(raw, 1, sizeof(raw), file) == sizeof(raw);
}

int hark_io_read_end(FILE *in, const char *path, const char *problem)
{
    if (fgetc(in) != EOF)
    {
        hark_io_report(path, problem);
        return 0;
    }
    return 1;
}

int hark_io_read_magic(FILE *in, const char *path, const char magic[4], uint32_t version)
{
    char found[4];
    uint32_t found_version;
    char problem[64];
    if (fread(found, 1, sizeof(found), in) != sizeof(found) || !hark_io_read_u32(in, &found_version))
    {
        hark_io_report(path, "truncated header");
        return 0;
    }
    if (memcmp(found, magic, sizeof(found)) != 0)
    {
        snprintf(problem, sizeof(problem), "not a hark file of this kind (magic is not %.4s)", magic);
        hark_io_report(path, problem);
        return 0;
    }
    if (found_version != version)
    {
        snprintf(problem, sizeof(problem), "unsupported version (expected %lu)", (unsigned long)version);
        hark_io_report(path, problem);
        return 0;
    }
    return 1;
}

int hark_io_main(const char *program,
                 int argc,
                 char **argv,
                 const char *default_in,
                 const char *default_out,
                 hark_io_body_fn body)
{
    program_name = program;
    const char *in_path = argc >= 3 ? argv[1] : default_in;
    const char *out_path = argc >= 3 ? argv[2] : default_out;
    char temp_path[MAX_PATH_LENGTH];
    if (strlen(out_path) + sizeof(TEMP_SUFFIX) > sizeof(temp_path))
    {
        hark_io_report(out_path, "path too long");
        return 1;
    }
    strcpy(temp_path, out_path);
    strcat(temp_path, TEMP_SUFFIX);

    FILE *in = fopen(in_path, "rb");
    if (in == NULL)
    {
        hark_io_report(in_path, "cannot open");
        return 1;
    }
    FILE *out = fopen(temp_path, "wb");
    if (out == NULL)
    {
        hark_io_report(temp_path, "cannot create");
        fclose(in);
        return 1;
    }
    int ok = body(in, in_path, out, temp_path);
    fclose(in);
    if (fclose(out) != 0 && ok)
    {
        hark_io_report(temp_path, "write failed");
        ok = 0;
    }
    if (ok && rename(temp_path, out_path) != 0)
    {
        hark_io_report(out_path, "cannot rename the finished output into place");
        ok = 0;
    }
    if (!ok)
    {
        remove(temp_path);
        return 1;
    }
    return 0;
}
