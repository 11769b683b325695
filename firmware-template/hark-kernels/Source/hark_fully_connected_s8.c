/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_fully_connected_s8. See hark_nnfunctions.h for the contract.
 *
 * The sums are CMSIS-NN's (bias plus every (input + input offset) x (weight + filter offset)), taken in another
 * order, which for integers is the same sum; the requantization gives arm_nn_requantize()'s results
 * (hark_requantize.h). On DSP cores with no filter offset (every layer hark generates) two input rows and two
 * output rows run at once: four inputs are one word load, widened to int16 pairs with the input offset added
 * (SXTAB16) for both rows of weights, four weights one word load widened (SXTB16) for both rows of inputs, and
 * SMLAD multiplies two pairs: sixteen multiply-accumulates from four loads, where arm_fully_connected_s8 widens
 * each input for each pair of rows. The requantization's parameters are read once a call and, for an activation
 * range of all of int8, the clamp is one saturating instruction.
 */

#include <string.h>

#include "Internal/hark_dsp.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

/*
 * The same out of line, for the outputs outside the two-by-two loop (a last odd row of inputs or outputs, a
 * single row of inputs, no DSP extension): one copy of the code for them all.
 */
static __attribute__((noinline)) int8_t requantize_out_of_line(int32_t sum, const hark_output_quant *out,
                                                               int full_range)
{
    return hark_requantize_clamped(sum, out, full_range);
}

#if defined(ARM_MATH_DSP)
/*
 * sums += input rows x0 and x0 + depth times weight rows w0 and w0 + depth, the depth rounded down to a multiple
 * of four: sums[0] = x0 by w0, sums[1] = x0 by w1, sums[2] = x1 by w0, sums[3] = x1 by w1. offsets holds the input
 * offset in both halves.
 */
static inline void dot_2x2(const int8_t *x, const int8_t *w, int32_t depth, int32_t offsets, int32_t sums[4])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
    const int8_t *const end = x + (depth & ~(int32_t)3);
    if (x == end)
    {
        return;
    }
    /*
     * In assembly: 23 instructions for 16 multiply-accumulates, where the compiler, short of registers for the four
     * sums, two pointers, the offsets and six values in flight, spills a sum. The loads step the pointers past the
     * four values, so the second rows are read at depth - 4 from them; the end is read from memory.
     */
    const int32_t row_after_step = depth - 4;
    int32_t x0, a, b, a_even, b_even, half;
    __asm__ volatile(
        "1:\n\t"
        "ldr     %[a], [%[w]], #4\n\t"
        "ldr     %[b], [%[w], %[next]]\n\t"
        "ldr     %[x0], [%[x]], #4\n\t"
        "sxtb16  %[a_even], %[a]\n\t"
        "sxtb16  %[b_even], %[b]\n\t"
        "sxtab16 %[half], %[offsets], %[x0]\n\t"
        "smlad   %[s0], %[half], %[a_even], %[s0]\n\t"
        "smlad   %[s1], %[half], %[b_even], %[s1]\n\t"
        "sxtb16  %[a], %[a], ror #8\n\t"
        "sxtb16  %[b], %[b], ror #8\n\t"
        "sxtab16 %[half], %[offsets], %[x0], ror #8\n\t"
        "smlad   %[s0], %[half], %[a], %[s0]\n\t"
        "smlad   %[s1], %[half], %[b], %[s1]\n\t"
        "ldr     %[x0], [%[x], %[next]]\n\t"
        "sxtab16 %[half], %[offsets], %[x0]\n\t"
        "smlad   %[s2], %[half], %[a_even], %[s2]\n\t"
        "smlad   %[s3], %[half], %[b_even], %[s3]\n\t"
        "sxtab16 %[half], %[offsets], %[x0], ror #8\n\t"
        "smlad   %[s2], %[half], %[a], %[s2]\n\t"
        "smlad   %[s3], %[half], %[b], %[s3]\n\t"
        "ldr     %[half], %[end]\n\t"
        "cmp     %[x], %[half]\n\t"
        "bne     1b"
        : [s0] "+r"(s0), [s1] "+r"(s1), [s2] "+r"(s2), [s3] "+r"(s3), [x] "+r"(x), [w] "+r"(w), [x0] "=&r"(x0),
          [a] "=&r"(a), [b] "=&r"(b), [a_even] "=&r"(a_even), [b_even] "=&r"(b_even), [half] "=&r"(half)
        : [next] "r"(row_after_step), [offsets] "r"(offsets), [end] "m"(end)
        : "cc", "memory");
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
    sums[3] = s3;
}

/*
 * sums += input row x times weight rows w0 and w0 + depth, the whole depth: the last depth % 4 inputs too, each
 * loaded once for both rows.
 */
static inline void dot_1x2(const int8_t *x, const int8_t *w, int32_t depth, int32_t input_offset, int32_t sums[2])
{
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset);
    int32_t s0 = sums[0], s1 = sums[1];
    const int8_t *const end = x + (depth & ~(int32_t)3);
    for (; x != end; x += 4, w += 4)
    {
        const int32_t x0 = hark_read_s8x4(x);
        const int32_t a = hark_read_s8x4(w);
        const int32_t b = hark_read_s8x4(w + depth);
        int32_t x_half = hark_sxtab16(offsets, x0);
        s0 = hark_smlad(x_half, hark_sxtb16(a), s0);
        s1 = hark_smlad(x_half, hark_sxtb16(b), s1);
        x_half = hark_sxtab16_odd(offsets, x0);
        s0 = hark_smlad(x_half, hark_sxtb16_odd(a), s0);
        s1 = hark_smlad(x_half, hark_sxtb16_odd(b), s1);
    }
    for (int32_t k = 0; k < (depth & 3); k++)
    {
        const int32_t input_value = x[k] + input_offset;
        s0 += input_value * w[k];
        s1 += input_value * w[depth + k];
    }
    sums[0] = s0;
    sums[1] = s1;
}
#endif

/* What the DSP loops leave over: the last depth % 4 products of a row of inputs and a row of weights. */
static inline int32_t dot_tail(const int8_t *x, const int8_t *w, int32_t depth, int32_t input_offset, int32_t sum)
{
    for (int32_t k = depth & ~(int32_t)3; k < depth; k++)
    {
        sum += (x[k] + input_offset) * w[k];
    }
    return sum;
}

#if defined(ARM_MATH_DSP)
/* sum + input row x times weight row w, the depth rounded down to a multiple of four. */
static inline int32_t dot_1x1(const int8_t *x, const int8_t *w, int32_t depth, int32_t offsets, int32_t sum)
{
    const int8_t *const end = x + (depth & ~(int32_t)3);
    for (; x != end; x += 4, w += 4)
    {
        const int32_t x0 = hark_read_s8x4(x);
        const int32_t a = hark_read_s8x4(w);
        sum = hark_smlad(hark_sxtab16(offsets, x0), hark_sxtb16(a), sum);
        sum = hark_smlad(hark_sxtab16_odd(offsets, x0), hark_sxtb16_odd(a), sum);
    }
    return sum;
}

/* value clamped to int8 by one SSAT. */
static inline int8_t saturate_s8(int32_t value)
{
    int32_t saturated;
    __asm__("ssat %0, #8, %1" : "=r"(saturated) : "r"(value));
    return (int8_t)saturated;
}

/*
 * sums[0] += input row x times weight row w, sums[1] += input row x + depth times it, the depth a multiple of four:
 * each weight word widened once for both rows.
 */
static inline void dot_2x1(const int8_t *x, const int8_t *w, int32_t depth, int32_t offsets, int32_t sums[2])
{
    int32_t s0 = sums[0], s1 = sums[1];
    const int8_t *x1 = x + depth;
    const int8_t *const end = w + depth;
    for (; w != end; w += 4, x += 4, x1 += 4)
    {
        const int32_t a = hark_read_s8x4(w);
        const int32_t a_even = hark_sxtb16(a);
        const int32_t a_odd = hark_sxtb16_odd(a);
        const int32_t x0 = hark_read_s8x4(x);
        const int32_t x1_values = hark_read_s8x4(x1);
        s0 = hark_smlad(hark_sxtab16(offsets, x0), a_even, s0);
        s0 = hark_smlad(hark_sxtab16_odd(offsets, x0), a_odd, s0);
        s1 = hark_smlad(hark_sxtab16(offsets, x1_values), a_even, s1);
        s1 = hark_smlad(hark_sxtab16_odd(offsets, x1_values), a_odd, s1);
    }
    sums[0] = s0;
    sums[1] = s1;
}

/* The fast build's requantization of one output: hark_requantize_plus (its rounding constant once a call), SSAT. */
#define HARK_FC_FAST_OUTPUT(sum) saturate_s8(hark_requantize_plus((sum), multiplier, shift, offset))

/*
 * The fast build of rows (1 or 2) input rows (x and x + depth, written to y and y + outputs), for the calls every
 * generated layer makes: a bias, a depth of a multiple of four, the clamp all of int8 and a shift and output offset
 * hark_requantize_plus takes. Two rows: the output rows in pairs, each two-by-two block the assembly loop, an odd
 * last one with each weight word widened once for both input rows; one row: the output rows in pairs, each input
 * word widened once for both. Each output is hark_requantize_plus and one SSAT.
 */
static __attribute__((noinline)) void rows_fast(const int8_t *x, int32_t rows, int32_t depth, int32_t outputs,
                                                const int8_t *filter, const int32_t *bias, int32_t input_offset,
                                                int32_t multiplier, int32_t shift, int32_t offset, int8_t *y)
{
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset);
    const int8_t *w = filter;
    const int32_t *const paired_end = bias + (outputs & ~(int32_t)1);
    const int32_t step = 2 * depth;
    if (rows == 2)
    {
        int8_t *y1 = y + outputs;
        for (; bias != paired_end; bias += 2, w += step, y += 2, y1 += 2)
        {
            int32_t sums[4] = {bias[0], bias[1], bias[0], bias[1]};
            dot_2x2(x, w, depth, offsets, sums);
            y[0] = HARK_FC_FAST_OUTPUT(sums[0]);
            y[1] = HARK_FC_FAST_OUTPUT(sums[1]);
            y1[0] = HARK_FC_FAST_OUTPUT(sums[2]);
            y1[1] = HARK_FC_FAST_OUTPUT(sums[3]);
        }
        if ((outputs & 1) != 0)
        {
            int32_t sums[2] = {bias[0], bias[0]};
            dot_2x1(x, w, depth, offsets, sums);
            y[0] = HARK_FC_FAST_OUTPUT(sums[0]);
            y1[0] = HARK_FC_FAST_OUTPUT(sums[1]);
        }
    }
    else
    {
        for (; bias != paired_end; bias += 2, w += step, y += 2)
        {
            int32_t sums[2] = {bias[0], bias[1]};
            dot_1x2(x, w, depth, input_offset, sums);
            y[0] = HARK_FC_FAST_OUTPUT(sums[0]);
            y[1] = HARK_FC_FAST_OUTPUT(sums[1]);
        }
        if ((outputs & 1) != 0)
        {
            y[0] = HARK_FC_FAST_OUTPUT(dot_1x1(x, w, depth, offsets, bias[0]));
        }
    }
}

#undef HARK_FC_FAST_OUTPUT

/*
 * Every output of rows (1 or 2) input rows from x on, written from y on: the output rows in pairs, an odd last
 * one alone. Written once for both clamps (full_range a constant where it is called).
 */
static inline __attribute__((always_inline)) void rows_dsp(const int8_t *x, int32_t rows, int32_t depth,
                                                           int32_t outputs, const int8_t *filter,
                                                           const int32_t *bias, int32_t input_offset,
                                                           const hark_output_quant *out, int8_t *y, const int full_range)
{
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset);
    const int32_t paired = outputs & ~(int32_t)1;
    const int8_t *x1 = x + depth;
    int8_t *y1 = y + outputs;
    int32_t o = 0;
    for (; o < paired; o += 2)
    {
        const int8_t *w0 = filter + o * depth;
        const int8_t *w1 = w0 + depth;
        const int32_t bias0 = bias != NULL ? bias[o] : 0;
        const int32_t bias1 = bias != NULL ? bias[o + 1] : 0;
        if (rows == 2)
        {
            int32_t sums[4] = {bias0, bias1, bias0, bias1};
            dot_2x2(x, w0, depth, offsets, sums);
            if ((depth & 3) != 0)
            {
                sums[0] = dot_tail(x, w0, depth, input_offset, sums[0]);
                sums[1] = dot_tail(x, w1, depth, input_offset, sums[1]);
                sums[2] = dot_tail(x1, w0, depth, input_offset, sums[2]);
                sums[3] = dot_tail(x1, w1, depth, input_offset, sums[3]);
            }
            y[o] = hark_requantize_clamped(sums[0], out, full_range);
            y[o + 1] = hark_requantize_clamped(sums[1], out, full_range);
            y1[o] = hark_requantize_clamped(sums[2], out, full_range);
            y1[o + 1] = hark_requantize_clamped(sums[3], out, full_range);
        }
        else
        {
            int32_t sums[2] = {bias0, bias1};
            dot_1x2(x, w0, depth, input_offset, sums);
            y[o] = requantize_out_of_line(sums[0], out, full_range);
            y[o + 1] = requantize_out_of_line(sums[1], out, full_range);
        }
    }
    if (o < outputs)
    {
        const int8_t *w0 = filter + o * depth;
        const int32_t bias0 = bias != NULL ? bias[o] : 0;
        const int32_t sum0 = dot_tail(x, w0, depth, input_offset, dot_1x1(x, w0, depth, offsets, bias0));
        y[o] = requantize_out_of_line(sum0, out, full_range);
        if (rows == 2)
        {
            const int32_t sum1 = dot_tail(x1, w0, depth, input_offset, dot_1x1(x1, w0, depth, offsets, bias0));
            y1[o] = requantize_out_of_line(sum1, out, full_range);
        }
    }
}
#endif

arm_cmsis_nn_status hark_fully_connected_s8(const cmsis_nn_context *ctx,
                                            const cmsis_nn_fc_params *fc_params,
                                            const cmsis_nn_per_tensor_quant_params *quant_params,
                                            const cmsis_nn_dims *input_dims,
                                            const int8_t *input,
                                            const cmsis_nn_dims *filter_dims,
                                            const int8_t *filter,
                                            const cmsis_nn_dims *bias_dims,
                                            const int32_t *bias,
                                            const cmsis_nn_dims *output_dims,
                                            int8_t *output)
{
    (void)ctx;
    (void)bias_dims;
    if (fc_params == NULL || quant_params == NULL || input_dims == NULL || input == NULL || filter_dims == NULL ||
        filter == NULL || output_dims == NULL || output == NULL || input_dims->n < 0 || filter_dims->n < 1 ||
        output_dims->c < 1)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t batches = input_dims->n;
    const int32_t depth = filter_dims->n;
    const int32_t outputs = output_dims->c;
    const int32_t input_offset = fc_params->input_offset;
    const int32_t filter_offset = fc_params->filter_offset;
    const hark_output_quant out = {quant_params->multiplier, quant_params->shift, fc_params->output_offset,
                           fc_params->activation.min, fc_params->activation.max};
    const int full_range = out.min == -128 && out.max == 127;
    int32_t b = 0;
#if defined(ARM_MATH_DSP)
    if (filter_offset == 0 && full_range && bias != NULL && (depth & 3) == 0 &&
        hark_requantize_plus_applies(out.shift, out.output_offset))
    {
        for (; b < batches; b += 2)
        {
            rows_fast(input + b * depth, b + 1 < batches ? 2 : 1, depth, outputs, filter, bias, input_offset,
                      out.multiplier, out.shift, out.output_offset, output + b * outputs);
        }
    }
    if (filter_offset == 0)
    {
        for (; b < batches; b += 2)
        {
            const int32_t rows = b + 1 < batches ? 2 : 1;
            const int8_t *x = input + b * depth;
            int8_t *y = output + b * outputs;
            rows_dsp(x, rows, depth, outputs, filter, bias, input_offset, &out, y, full_range);
        }
    }
#endif
    for (; b < batches; b++)
    {
        const int8_t *x = input + b * depth;
        int8_t *y = output + b * outputs;
        for (int32_t o = 0; o < outputs; o++)
        {
            const int8_t *w = filter + o * depth;
            int32_t sum = bias != NULL ? bias[o] : 0;
            for (int32_t k = 0; k < depth; k++)
            {
                sum += (x[k] + input_offset) * (w[k] + filter_offset);
            }
            y[o] = requantize_out_of_line(sum, &out, full_range);
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}

/* --- hark_attention_scores_s8 ---------------------------------------------------------------------------------- */

/* The score projection's parameters, read once a call. */
typedef struct
{
    const int8_t *weights;
    int32_t bias;
    int32_t input_offset;
    int32_t filter_offset;
    hark_output_quant out;
    int full_range;
} score_projection;

/* What one energy value e (int8, before the tanh) adds to the score: (tanh(e) + input offset) x (w + filter offset). */
static inline int32_t score_term(int32_t energy, const int8_t *tanh_at_zero, int32_t input_offset, int32_t weight)
{
    return (tanh_at_zero[energy] + input_offset) * weight;
}

/* The general build: any offsets, clamps and sizes; every energy the plain sum and hark_requantize_clamped. */
static void attention_scores_plain(const hark_fc_s8_params *energy, const int8_t *tanh_at_zero,
                                   const score_projection *score, int32_t steps, int32_t hidden_size,
                                   int32_t energy_size, const int8_t *hidden, int8_t *scores)
{
    const hark_output_quant out = {energy->quant_params.multiplier, energy->quant_params.shift,
                                   energy->fc_params.output_offset, energy->fc_params.activation.min,
                                   energy->fc_params.activation.max};
    const int full_range = out.min == -128 && out.max == 127;
    const int32_t input_offset = energy->fc_params.input_offset;
    const int32_t filter_offset = energy->fc_params.filter_offset;
    for (int32_t t = 0; t < steps; t++)
    {
        const int8_t *x = hidden + t * hidden_size;
        int32_t total = score->bias;
        for (int32_t o = 0; o < energy_size; o++)
        {
            const int8_t *w = energy->weights + o * hidden_size;
            int32_t sum = energy->bias != NULL ? energy->bias[o] : 0;
            for (int32_t k = 0; k < hidden_size; k++)
            {
                sum += (x[k] + input_offset) * (w[k] + filter_offset);
            }
            total += score_term(requantize_out_of_line(sum, &out, full_range), tanh_at_zero, score->input_offset,
                                score->weights[o] + score->filter_offset);
        }
        scores[t] = requantize_out_of_line(total, &score->out, score->full_range);
    }
}

#if defined(ARM_MATH_DSP)
/* value clamped to int8 by one SSAT, as an int32 (a table index needs no sign extension then). */
static inline int32_t saturated_s8(int32_t value)
{
    int32_t saturated;
    __asm__("ssat %0, #8, %1" : "=r"(saturated) : "r"(value));
    return saturated;
}

/*
 * Whether every sum of an energy projection lies below 2^30 in magnitude, as hark_requantize_plus_small needs: the
 * largest bias plus depth products of at most 128 x (128 + |input offset|).
 */
static int energy_sums_small(const hark_fc_s8_params *energy, int32_t hidden_size, int32_t energy_size)
{
    const int32_t input_offset = energy->fc_params.input_offset;
    const int64_t magnitude = 128 + (int64_t)(input_offset < 0 ? -(int64_t)input_offset : input_offset);
    int64_t largest = 0;
    for (int32_t o = 0; o < energy_size; o++)
    {
        const int64_t b = energy->bias[o];
        largest = b < 0 ? (-b > largest ? -b : largest) : (b > largest ? b : largest);
    }
    return largest + (int64_t)hidden_size * 128 * magnitude < ((int64_t)1 << 30);
}

/*
 * The fast build (the energy projection as the fast build of hark_fully_connected_s8 takes it, every sum below 2^30
 * in magnitude): two steps at a time, the energies in two-by-two blocks of the assembly loop, each requantized by
 * hark_requantize_plus_small (no size test) and one SSAT, looked up in the tanh table and multiplied into its step's
 * score at once; no energy is stored.
 */
static __attribute__((noinline)) void attention_scores_fast(const hark_fc_s8_params *energy,
                                                            const int8_t *tanh_at_zero, const score_projection *score,
                                                            int32_t steps, int32_t hidden_size, int32_t energy_size,
                                                            const int8_t *hidden, int8_t *scores)
{
    const int32_t input_offset = energy->fc_params.input_offset;
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)input_offset << 16) | (uint16_t)input_offset);
    const int32_t multiplier = energy->quant_params.multiplier;
    const int32_t shift = energy->quant_params.shift;
    const int32_t offset = energy->fc_params.output_offset;
    const int32_t score_offset = score->input_offset;
    const int32_t weight_offset = score->filter_offset;
    const int32_t paired = energy_size & ~(int32_t)1;
    const int32_t step = 2 * hidden_size;
#define HARK_ENERGY(sum) saturated_s8(hark_requantize_plus_small((sum), multiplier, shift, offset))
    int32_t t = 0;
    for (; t + 1 < steps; t += 2)
    {
        const int8_t *x = hidden + t * hidden_size;
        const int8_t *w = energy->weights;
        const int32_t *bias = energy->bias;
        const int8_t *v = score->weights;
        int32_t total0 = score->bias;
        int32_t total1 = score->bias;
        for (int32_t o = 0; o < paired; o += 2, w += step, bias += 2, v += 2)
        {
            int32_t sums[4] = {bias[0], bias[1], bias[0], bias[1]};
            dot_2x2(x, w, hidden_size, offsets, sums);
            const int32_t v0 = v[0] + weight_offset;
            const int32_t v1 = v[1] + weight_offset;
            total0 += score_term(HARK_ENERGY(sums[0]), tanh_at_zero, score_offset, v0) +
                      score_term(HARK_ENERGY(sums[1]), tanh_at_zero, score_offset, v1);
            total1 += score_term(HARK_ENERGY(sums[2]), tanh_at_zero, score_offset, v0) +
                      score_term(HARK_ENERGY(sums[3]), tanh_at_zero, score_offset, v1);
        }
        if (paired < energy_size)
        {
            int32_t sums[2] = {bias[0], bias[0]};
            dot_2x1(x, w, hidden_size, offsets, sums);
            const int32_t v0 = v[0] + weight_offset;
            total0 += score_term(HARK_ENERGY(sums[0]), tanh_at_zero, score_offset, v0);
            total1 += score_term(HARK_ENERGY(sums[1]), tanh_at_zero, score_offset, v0);
        }
        scores[t] = requantize_out_of_line(total0, &score->out, score->full_range);
        scores[t + 1] = requantize_out_of_line(total1, &score->out, score->full_range);
    }
    if (t < steps)
    {
        const int8_t *x = hidden + t * hidden_size;
        int32_t total = score->bias;
        for (int32_t o = 0; o < energy_size; o++)
        {
            const int32_t sum = dot_1x1(x, energy->weights + o * hidden_size, hidden_size, offsets, energy->bias[o]);
            total += score_term(HARK_ENERGY(sum), tanh_at_zero, score_offset, score->weights[o] + weight_offset);
        }
        scores[t] = requantize_out_of_line(total, &score->out, score->full_range);
    }
#undef HARK_ENERGY
}
#endif

arm_cmsis_nn_status hark_attention_scores_s8(const hark_fc_s8_params *energy, const int8_t *tanh_table,
                                             const hark_fc_s8_params *score, int32_t steps, int32_t hidden_size,
                                             int32_t energy_size, const int8_t *hidden, int8_t *scores)
{
    if (energy == NULL || tanh_table == NULL || score == NULL || hidden == NULL || scores == NULL ||
        energy->weights == NULL || score->weights == NULL || steps < 0 || hidden_size < 1 || energy_size < 1)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const score_projection projection = {
        score->weights,
        score->bias != NULL ? score->bias[0] : 0,
        score->fc_params.input_offset,
        score->fc_params.filter_offset,
        {score->quant_params.multiplier, score->quant_params.shift, score->fc_params.output_offset,
         score->fc_params.activation.min, score->fc_params.activation.max},
        score->fc_params.activation.min == -128 && score->fc_params.activation.max == 127};
    const int8_t *const tanh_at_zero = tanh_table + 128;
#if defined(ARM_MATH_DSP)
    if (energy->fc_params.filter_offset == 0 && energy->bias != NULL && (hidden_size & 3) == 0 &&
        energy->fc_params.activation.min == -128 && energy->fc_params.activation.max == 127 &&
        hark_requantize_plus_applies(energy->quant_params.shift, energy->fc_params.output_offset) &&
        energy_sums_small(energy, hidden_size, energy_size))
    {
        attention_scores_fast(energy, tanh_at_zero, &projection, steps, hidden_size, energy_size, hidden, scores);
        return ARM_CMSIS_NN_SUCCESS;
    }
#endif
    attention_scores_plain(energy, tanh_at_zero, &projection, steps, hidden_size, energy_size, hidden, scores);
    return ARM_CMSIS_NN_SUCCESS;
}
