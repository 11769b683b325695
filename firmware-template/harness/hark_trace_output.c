/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_trace_output.h.
 */

#include "hark_trace_output.h"

#include <string.h>

#include "hark_text.h"

/* Sets the problem "<before><layer><after>" and marks the output failed. */
static void fail_at_layer(hark_trace_output *output, const char *before, long layer, const char *after)
{
    hark_text text;
    hark_text_start(&text, output->problem, sizeof(output->problem));
    hark_text_add(&text, before);
    hark_text_add_long(&text, layer);
    hark_text_add(&text, after);
    output->failed = 1;
}

static void fail_to_write(hark_trace_output *output)
{
    hark_text text;
    hark_text_start(&text, output->problem, sizeof(output->problem));
    hark_text_add(&text, "write failed");
    output->failed = 1;
}

static int write_u32(hark_trace_output *output, uint32_t value)
{
    const uint8_t raw[4] = {(uint8_t)value, (uint8_t)(value >> 8), (uint8_t)(value >> 16), (uint8_t)(value >> 24)};
    return output->write(raw, sizeof(raw), output->sink);
}

void hark_trace_output_init(hark_trace_output *output,
                            hark_trace_write_fn write,
                            void *sink,
                            int32_t layer_count,
                            const char *const *layer_names,
                            const int32_t *layer_sizes)
{
    output->write = write;
    output->sink = sink;
    output->layer_count = layer_count;
    output->layer_names = layer_names;
    output->layer_sizes = layer_sizes;
    hark_trace_output_start(output);
}

int hark_trace_output_write_table(hark_trace_output *output)
{
    if (!write_u32(output, (uint32_t)output->layer_count))
    {
        fail_to_write(output);
        return 0;
    }
    for (int32_t layer = 0; layer < output->layer_count; layer++)
    {
        const size_t name_length = strlen(output->layer_names[layer]);
        if (name_length > 255u || output->layer_sizes[layer] < 0)
        {
            fail_at_layer(output, "layer ", (long)layer, " has a name over 255 bytes or a negative size");
            return 0;
        }
        const uint8_t length_byte = (uint8_t)name_length;
        if (!(write_u32(output, (uint32_t)output->layer_sizes[layer]) && output->write(&length_byte, 1, output->sink) &&
              output->write(output->layer_names[layer], name_length, output->sink)))
        {
            fail_to_write(output);
            return 0;
        }
    }
    return 1;
}

void hark_trace_output_start(hark_trace_output *output)
{
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
    if (layer != output->next_layer || layer < 0 || layer >= output->layer_count)
    {
        fail_at_layer(output, "layer ", (long)layer, " traced out of order");
        return;
    }
    if (size != output->layer_sizes[layer])
    {
        hark_text text;
        hark_text_start(&text, output->problem, sizeof(output->problem));
        hark_text_add(&text, "layer ");
        hark_text_add_long(&text, (long)layer);
        hark_text_add(&text, " traced ");
        hark_text_add_long(&text, (long)size);
        hark_text_add(&text, " bytes");
        output->failed = 1;
        return;
    }
    if (!output->write(data, (size_t)size, output->sink))
    {
        fail_to_write(output);
        return;
    }
    output->next_layer++;
}

int hark_trace_output_finish(hark_trace_output *output)
{
    if (!output->failed && output->next_layer != output->layer_count)
    {
        fail_at_layer(output, "only ", (long)output->next_layer, " layers traced");
    }
    return !output->failed;
}
