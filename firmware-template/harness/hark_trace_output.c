/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_trace_output.h.
 */

#include "hark_trace_output.h"

#include <string.h>

#include "hark_harness_io.h"
#include "hark_network.h"

int hark_trace_output_write_table(FILE *out, const char *path)
{
    int ok = hark_io_write_u32(out, (uint32_t)HARK_LAYER_COUNT);
    for (int32_t layer = 0; ok && layer < HARK_LAYER_COUNT; layer++)
    {
        const size_t name_length = strlen(hark_layer_names[layer]);
        if (name_length > 255u || hark_layer_sizes[layer] < 0)
        {
            char problem[96];
            snprintf(problem, sizeof(problem), "layer %ld has a name over 255 bytes or a negative size", (long)layer);
            hark_io_report(path, problem);
            return 0;
        }
        const uint8_t length_byte = (uint8_t)name_length;
        ok = hark_io_write_u32(out, (uint32_t)hark_layer_sizes[layer]) && fwrite(&length_byte, 1, 1, out) == 1 &&
            fwrite(hark_layer_names[layer], 1, name_length, out) == name_length;
    }
    if (!ok)
    {
        hark_io_report(path, "write failed");
    }
    return ok;
}

void hark_trace_output_start(hark_trace_output *output, FILE *file)
{
    output->file = file;
    output->next_layer = 0;
    output->failed = 0;
    output->problem[0] = '\0';
}

void hark_trace_output_layer(int32_t layer, const int8_t *data, int32_t size, void *user)
{
    hark_trace_output *output = (hark_trace_output *)user;
    if (output->failed)
    {
        return;
    }
    if (layer != output->next_layer || layer < 0 || layer >= HARK_LAYER_COUNT)
    {
        snprintf(output->problem, sizeof(output->problem), "layer %ld traced out of order", (long)layer);
        output->failed = 1;
        return;
    }
    if (size != hark_layer_sizes[layer])
    {
        snprintf(output->problem, sizeof(output->problem), "layer %ld traced %ld bytes", (long)layer, (long)size);
        output->failed = 1;
        return;
    }
    if (fwrite(data, 1, (size_t)size, output->file) != (size_t)size)
    {
        snprintf(output->problem, sizeof(output->problem), "write failed");
        output->failed = 1;
        return;
    }
    output->next_layer++;
}

int hark_trace_output_finish(hark_trace_output *output)
{
    if (!output->failed && output->next_layer != HARK_LAYER_COUNT)
    {
        snprintf(output->problem, sizeof(output->problem), "only %ld layers traced", (long)output->next_layer);
        output->failed = 1;
    }
    return !output->failed;
}
