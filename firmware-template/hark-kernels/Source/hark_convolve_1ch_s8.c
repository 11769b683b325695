/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_convolve_1ch_s8. See hark_nnfunctions.h for the contract.
 *
 * The sums are CMSIS-NN's (bias plus every tap's (input + input offset) * weight), taken in another order, which
 * for integers is the same sum; the requantization gives arm_nn_requantize()'s results (hark_requantize.h). What
 * differs is only the order of the work: no im2col copy of each receptive field. The filter is widened to int16
 * once per call and the input rows once each (into a ring of the last KH rows, the input offset added), and then
 * every output row reads its receptive fields straight from the ring, two output channels and two output columns
 * at a time, so that each value loaded serves two multiply-accumulates.
 */

#include "Internal/hark_convolve_1ch_s8_layout.h"
#include "Internal/hark_dsp.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

/* What one output row's blocks share. */
typedef struct
{
    const int16_t *rows;   /* the ring of the last KH input rows, widened */
    int32_t first_slot;    /* slot of the receptive field's top row */
    int32_t kernel_height; /* KH, also the ring's slot count */
    int32_t kernel_width;  /* KW */
    int32_t padded_width;  /* KW rounded up to even: a widened filter row */
    int32_t row_width;     /* W: values per slot */
} receptive_field;

#if defined(ARM_MATH_DSP)
/* One pair of taps (k, k + 1) of the 2 x 2 block: four SMLADs on two filter words and two input words. */
static inline void pair_2x2(const int16_t *a, const int16_t *b, const int16_t *w0, const int16_t *w1, int32_t k,
                            int32_t sums[4])
{
    int32_t wa, wb;
    memcpy(&wa, w0 + k, sizeof(wa));
    memcpy(&wb, w1 + k, sizeof(wb));
    const int32_t xa = hark_read_s16x2(a + k);
    const int32_t xb = hark_read_s16x2(b + k);
    sums[0] = hark_smlad(xa, wa, sums[0]);
    sums[1] = hark_smlad(xb, wa, sums[1]);
    sums[2] = hark_smlad(xa, wb, sums[2]);
    sums[3] = hark_smlad(xb, wb, sums[3]);
}
#endif

/*
 * The sums of two output channels (filters w0 and w1, widened) at two output columns (receptive fields starting at
 * column offsets x0 and x1 of every row): sums[0] = w0 at x0, sums[1] = w0 at x1, sums[2] = w1 at x0,
 * sums[3] = w1 at x1, each added to what sums holds. The receptive field's rows are the ring's slots from
 * first_slot on, wrapping once: two runs of neighbouring slots, so a row's step is one addition.
 */
static void sums_2x2(const receptive_field *field, const int16_t *w0, const int16_t *w1, int32_t x0, int32_t x1,
                     int32_t sums[4])
{
    int32_t s[4] = {sums[0], sums[1], sums[2], sums[3]};
    const int32_t width = field->row_width;
    const int32_t padded_width = field->padded_width;
    int32_t slot = field->first_slot;
    int32_t remaining = field->kernel_height;
    while (remaining > 0)
    {
        int32_t run = field->kernel_height - slot;
        run = run < remaining ? run : remaining;
        remaining -= run;
        const int16_t *a = field->rows + slot * width + x0;
        const int16_t *b = field->rows + slot * width + x1;
        slot = 0;
#if defined(ARM_MATH_DSP)
        /* Whole pairs: an odd KW's last pair takes the next value times the 0 the filter row was padded with. */
        if (padded_width == 6)
        {
            /* The teacher's 5 taps a row, unrolled. */
            for (; run > 0; run--, a += width, b += width, w0 += 6, w1 += 6)
            {
                pair_2x2(a, b, w0, w1, 0, s);
                pair_2x2(a, b, w0, w1, 2, s);
                pair_2x2(a, b, w0, w1, 4, s);
            }
        }
        else
        {
            for (; run > 0; run--, a += width, b += width, w0 += padded_width, w1 += padded_width)
            {
                for (int32_t k = 0; k < padded_width; k += 2)
                {
                    pair_2x2(a, b, w0, w1, k, s);
                }
            }
        }
#else
        for (; run > 0; run--, a += width, b += width, w0 += padded_width, w1 += padded_width)
        {
            for (int32_t k = 0; k < field->kernel_width; k++)
            {
                const int32_t xa = a[k];
                const int32_t xb = b[k];
                const int32_t wa = w0[k];
                const int32_t wb = w1[k];
                s[0] += xa * wa;
                s[1] += xb * wa;
                s[2] += xa * wb;
                s[3] += xb * wb;
            }
        }
#endif
    }
    sums[0] = s[0];
    sums[1] = s[1];
    sums[2] = s[2];
    sums[3] = s[3];
}

static inline int8_t requantize(int32_t sum, const cmsis_nn_conv_params *conv_params,
                         const cmsis_nn_per_channel_quant_params *quant_params, int32_t channel)
{
    int32_t value = hark_requantize(sum, quant_params->multiplier[channel], quant_params->shift[channel]);
    value += conv_params->output_offset;
    value = value < conv_params->activation.min ? conv_params->activation.min : value;
    value = value > conv_params->activation.max ? conv_params->activation.max : value;
    return (int8_t)value;
}

/* Widens input row iy of one image into its ring slot, the input offset added. */
static void widen_row(const int8_t *image, int32_t iy, int32_t width, int32_t input_offset,
                      const receptive_field *field)
{
    const int8_t *source = image + iy * width;
    int16_t *slot = (int16_t *)field->rows + (iy % field->kernel_height) * width;
    for (int32_t x = 0; x < width; x++)
    {
        slot[x] = (int16_t)(source[x] + input_offset);
    }
}

arm_cmsis_nn_status hark_convolve_1ch_s8(const cmsis_nn_context *ctx,
                                         const cmsis_nn_conv_params *conv_params,
                                         const cmsis_nn_per_channel_quant_params *quant_params,
                                         const cmsis_nn_dims *input_dims,
                                         const int8_t *input,
                                         const cmsis_nn_dims *filter_dims,
                                         const int8_t *filter,
                                         const cmsis_nn_dims *bias_dims,
                                         const int32_t *bias,
                                         const cmsis_nn_dims *output_dims,
                                         int8_t *output)
{
    (void)bias_dims;
    hark_convolve_1ch_s8_layout layout;
    if (ctx == NULL || ctx->buf == NULL || conv_params == NULL || quant_params == NULL ||
        quant_params->multiplier == NULL || quant_params->shift == NULL || output_dims == NULL || input == NULL ||
        filter == NULL || output == NULL)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t required = hark_convolve_1ch_s8_plan(input_dims, filter_dims, &layout);
    const int32_t stride_x = conv_params->stride.w;
    const int32_t stride_y = conv_params->stride.h;
    const int32_t channels = filter_dims->n;
    const int32_t kernel_height = filter_dims->h;
    const int32_t kernel_width = filter_dims->w;
    const int32_t width = input_dims->w;
    if (required < 0 || ctx->size < required || input_dims->c != 1 || filter_dims->c != 1 ||
        output_dims->c != channels || input_dims->n != output_dims->n || conv_params->padding.w != 0 ||
        conv_params->padding.h != 0 || conv_params->dilation.w != 1 || conv_params->dilation.h != 1 ||
        stride_x < 1 || stride_y < 1 || output_dims->h < 1 || output_dims->w < 1 ||
        (output_dims->h - 1) * stride_y + kernel_height > input_dims->h ||
        (output_dims->w - 1) * stride_x + kernel_width > width)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    /* The filter widened, each row padded to whole pairs with a 0 tap. */
    int16_t *const weights = (int16_t *)ctx->buf;
    for (int32_t c = 0; c < channels; c++)
    {
        for (int32_t ky = 0; ky < kernel_height; ky++)
        {
            const int8_t *source = filter + (c * kernel_height + ky) * kernel_width;
            int16_t *target = weights + (c * kernel_height + ky) * layout.padded_width;
            for (int32_t kx = 0; kx < kernel_width; kx++)
            {
                target[kx] = source[kx];
            }
            if (kernel_width < layout.padded_width)
            {
                target[kernel_width] = 0;
            }
        }
    }
    receptive_field field = {weights + layout.weights, 0, kernel_height, kernel_width, layout.padded_width, width};
    /* The ring's tail: read only times a 0 weight, set so that nothing uninitialised is read. */
    ((int16_t *)field.rows)[layout.rows - 2] = 0;
    ((int16_t *)field.rows)[layout.rows - 1] = 0;

    const int32_t filter_size = kernel_height * layout.padded_width;
    for (int32_t n = 0; n < output_dims->n; n++)
    {
        const int8_t *image = input + n * input_dims->h * width;
        int32_t widened_end = 0; /* input rows [0, widened_end) of this image have been in the ring */
        for (int32_t oy = 0; oy < output_dims->h; oy++)
        {
            const int32_t top = oy * stride_y;
            for (int32_t iy = top > widened_end ? top : widened_end; iy < top + kernel_height; iy++)
            {
                widen_row(image, iy, width, conv_params->input_offset, &field);
            }
            widened_end = top + kernel_height;
            field.first_slot = top % kernel_height;

            int8_t *out_row = output + (n * output_dims->h + oy) * output_dims->w * channels;
            for (int32_t ox = 0; ox < output_dims->w; ox += 2)
            {
                /* The last column of an odd width is computed twice over and written once. */
                const int32_t ox1 = ox + 1 < output_dims->w ? ox + 1 : ox;
                for (int32_t c = 0; c < channels; c += 2)
                {
                    const int32_t c1 = c + 1 < channels ? c + 1 : c;
                    const int32_t bias0 = bias != NULL ? bias[c] : 0;
                    const int32_t bias1 = bias != NULL ? bias[c1] : 0;
                    int32_t sums[4] = {bias0, bias0, bias1, bias1};
                    sums_2x2(&field, weights + c * filter_size, weights + c1 * filter_size, ox * stride_x,
                             ox1 * stride_x, sums);
                    out_row[ox * channels + c] = requantize(sums[0], conv_params, quant_params, c);
                    out_row[ox1 * channels + c] = requantize(sums[1], conv_params, quant_params, c);
                    out_row[ox * channels + c1] = requantize(sums[2], conv_params, quant_params, c1);
                    out_row[ox1 * channels + c1] = requantize(sums[3], conv_params, quant_params, c1);
                }
            }
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
