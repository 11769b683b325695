/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_gru_s8. See hark_nnfunctions.h for the contract and the arithmetic.
 *
 * The arithmetic is that of the CMSIS-NN calls the contract names (arm_fully_connected_s8, arm_elementwise_add_s8,
 * arm_elementwise_mul_s8, each element requantized as those kernels do, with arm_nn_requantize's results from
 * hark_requantize.h), and the sums are theirs taken in another order; each addition's first step, the scaling of
 * its two int8 inputs, is read from tables the code generator computed (add_?_inputs) rather than computed. What is
 * fused is the work: a step widens its input and the hidden state to int16 once, then for each block of hidden
 * units takes the six dot products each unit needs (rows j of the three input and the three hidden matrices) in two
 * passes, three rows at a time, so that every input value loaded serves three multiply-accumulates, and then applies
 * the gate arithmetic and the tables to the block, one loop over its units for each step of the arithmetic, without
 * vectors of intermediates beyond the block. On cores with the DSP extension (ARM_MATH_DSP) the dot products take
 * the weights four at a time, sign-extended in pairs (SXTB16), two multiply-accumulates per instruction (SMLAD).
 */

#include <string.h>

#include "Internal/hark_dsp.h"
#include "Internal/hark_gru_s8_layout.h"
#include "Internal/hark_requantize.h"
#include "arm_nnsupportfunctions.h"
#include "hark_nnfunctions.h"

enum
{
    GATE_R = 0,
    GATE_Z = 1,
    GATE_N = 2
};

static inline int32_t clamp(int32_t value, int32_t min, int32_t max)
{
    value = value < min ? min : value;
    return value > max ? max : value;
}

/*
 * Widens n int8 values plus offset to int16. The dot products read whole words of four values in the order SXTB16
 * splits four weights, (x0, x2) then (x1, x3); the values past the last whole word keep their order.
 */
static void widen(const int8_t *x, int32_t n, int32_t offset, int16_t *out)
{
    int32_t k = 0;
#if defined(ARM_MATH_DSP)
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)offset << 16) | (uint16_t)offset);
    for (; k + 4 <= n; k += 4)
    {
        const int32_t v = hark_read_s8x4(x + k);
        const int32_t even = hark_sxtab16(offsets, v);
        const int32_t odd = hark_sxtab16_odd(offsets, v);
        memcpy(out + k, &even, sizeof(even));
        memcpy(out + k + 2, &odd, sizeof(odd));
    }
#endif
    for (; k < n; k++)
    {
        out[k] = (int16_t)(x[k] + offset);
    }
}

#if defined(ARM_MATH_DSP)
/* Four multiply-accumulates of one weight row: the widened values x_even = (x0, x2), x_odd = (x1, x3). */
static inline int32_t mac4(int32_t x_even, int32_t x_odd, const int8_t *w, int32_t sum)
{
    const int32_t weights = hark_read_s8x4(w);
    sum = hark_smlad(x_even, hark_sxtb16(weights), sum);
    return hark_smlad(x_odd, hark_sxtb16_odd(weights), sum);
}
#endif

#if defined(ARM_MATH_DSP)
/* One row's four multiply-accumulates in dot3's assembly loop: the row's next word, split and multiplied. */
#define HARK_GRU_ROW_MAC4(row, sum)                                                                                    \
    "ldr %[w], [%[" row "]], #4\n\t"                                                                                   \
    "sxtb16 %[t], %[w]\n\t"                                                                                          \
    "smlad %[" sum "], %[x_even], %[t], %[" sum "]\n\t"                                                               \
    "sxtb16 %[t], %[w], ror #8\n\t"                                                                                  \
    "smlad %[" sum "], %[x_odd], %[t], %[" sum "]\n\t"
#endif

/*
 * sums[i] += the widened x (n values, see widen()) times row w[i], for three rows. Inlined into the unit loop, where a
 * call per dot product would cost its pushes and pops and pass the sums through memory.
 */
static inline __attribute__((always_inline)) void dot3(const int16_t *x, int32_t n, const int8_t *w0, const int8_t *w1,
                                                       const int8_t *w2, int32_t sums[3])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2];
    int32_t k = 0;
#if defined(ARM_MATH_DSP)
    const int16_t *xp = x;
    const int16_t *const end8 = x + (n & ~(int32_t)7);
    if (((uintptr_t)x & 3u) == 0 && xp != end8)
    {
        /*
         * Eight values a pass, each word of four values one 8-byte load (LDRD, which needs a word-aligned x: the
         * scratch regions are, in a word-aligned buffer), so that a pass is 34 instructions for 24
         * multiply-accumulates. In assembly because the compilers, given this loop in C, load all six weight words
         * ahead and spill the sums to the stack.
         */
        int32_t x_even, x_odd, w, t;
        /* clang-format off */
        __asm__("1:\n\t"
                "ldrd %[x_even], %[x_odd], [%[xp]], #8\n\t"
                HARK_GRU_ROW_MAC4("w0", "s0")
                HARK_GRU_ROW_MAC4("w1", "s1")
                HARK_GRU_ROW_MAC4("w2", "s2")
                "ldrd %[x_even], %[x_odd], [%[xp]], #8\n\t"
                HARK_GRU_ROW_MAC4("w0", "s0")
                HARK_GRU_ROW_MAC4("w1", "s1")
                HARK_GRU_ROW_MAC4("w2", "s2")
                "cmp %[xp], %[end]\n\t"
                "bne 1b\n\t"
                : [xp] "+r"(xp), [w0] "+r"(w0), [w1] "+r"(w1), [w2] "+r"(w2), [s0] "+r"(s0), [s1] "+r"(s1),
                  [s2] "+r"(s2), [x_even] "=&r"(x_even), [x_odd] "=&r"(x_odd), [w] "=&r"(w), [t] "=&r"(t)
                : [end] "r"(end8)
                : "cc", "memory");
        /* clang-format on */
    }
    /* The rest of the whole words of four values (all of them for an unaligned x). */
    const int16_t *const end4 = x + (n & ~(int32_t)3);
    while (xp != end4)
    {
        const int32_t x_even = hark_read_s16x2(xp), x_odd = hark_read_s16x2(xp + 2);
        xp += 4;
        s0 = mac4(x_even, x_odd, w0, s0);
        s1 = mac4(x_even, x_odd, w1, s1);
        s2 = mac4(x_even, x_odd, w2, s2);
        w0 += 4;
        w1 += 4;
        w2 += 4;
    }
    k = n & ~(int32_t)3;
    w0 -= k;
    w1 -= k;
    w2 -= k;
#endif
    for (; k < n; k++)
    {
        const int32_t v = x[k];
        s0 += v * w0[k];
        s1 += v * w1[k];
        s2 += v * w2[k];
    }
    sums[0] = s0;
    sums[1] = s1;
    sums[2] = s2;
}

/*
 * The gate arithmetic runs on blocks of this many hidden units: their dot products first, then each step of the
 * arithmetic as one loop over the block, so that a loop's few parameters stay in registers (per unit, the 13
 * requantizations' parameters do not fit them and were reloaded from the struct). The block's sums and
 * intermediates live on the stack (about 270 bytes), not in the scratch buffer.
 */
#define HARK_GRU_BLOCK 16

/*
 * Each loop over a block comes in two builds: a fast one for the common parameters (a negative shift, no clamp
 * narrower than int8: every requantization of the demo networks), where the shift needs no test and the clamp is
 * one SSAT, and a general one. `fast` is a constant in each, so the compiler leaves the other case out.
 */
static inline __attribute__((always_inline)) int32_t requantize(int32_t value, int32_t multiplier, int32_t shift,
                                                                int fast)
{
    return fast ? hark_requantize_negative_shift(value, multiplier, shift)
                : hark_requantize(value, multiplier, shift);
}

static inline __attribute__((always_inline)) int32_t clamp_to(int32_t value, int32_t min, int32_t max, int fast)
{
#if defined(ARM_MATH_DSP)
    if (fast)
    {
        int32_t saturated;
        __asm__("ssat %0, #8, %1" : "=r"(saturated) : "r"(value));
        return saturated;
    }
#endif
    return fast ? clamp(value, -128, 127) : clamp(value, min, max);
}

static inline int fast_parameters(int32_t shift, int32_t min, int32_t max)
{
    return shift < 0 && min == -128 && max == 127;
}

/* An output of arm_fully_connected_s8 from its sum (bias included). */
static inline __attribute__((always_inline)) int32_t fc_output(const hark_fc_s8_params *fc, int32_t sum, int fast)
{
    return clamp_to(requantize(sum, fc->quant_params.multiplier, fc->quant_params.shift, fast) +
                        fc->fc_params.output_offset,
                    fc->fc_params.activation.min, fc->fc_params.activation.max, fast);
}

static inline int fast_fc(const hark_fc_s8_params *fc)
{
    return fast_parameters(fc->quant_params.shift, fc->fc_params.activation.min, fc->fc_params.activation.max);
}

/*
 * scaled[i] (= or +=) table[fc output of sums[i] + 128], i < n: one input of an addition, its scaling read from the
 * addition's table. The parameters are copied to locals so that the loop keeps them in registers.
 */
static inline __attribute__((always_inline)) void fc_scaled_loop(const hark_fc_s8_params *fc, const int32_t *table,
                                                                 const int32_t *sums, int32_t *scaled, int32_t n,
                                                                 int accumulate, int fast)
{
    const hark_fc_s8_params p = *fc;
    const int32_t *const t = table + 128;
    for (int32_t i = 0; i < n; i++)
    {
        const int32_t v = t[fc_output(&p, sums[i], fast)];
        scaled[i] = accumulate ? scaled[i] + v : v;
    }
}

static void fc_scaled(const hark_fc_s8_params *fc, const int32_t *table, const int32_t *sums, int32_t *scaled,
                      int32_t n, int accumulate)
{
    if (fast_fc(fc))
    {
        if (accumulate)
        {
            fc_scaled_loop(fc, table, sums, scaled, n, 1, 1);
        }
        else
        {
            fc_scaled_loop(fc, table, sums, scaled, n, 0, 1);
        }
    }
    else
    {
        fc_scaled_loop(fc, table, sums, scaled, n, accumulate, 0);
    }
}

/* out[i] = the fc output of sums[i], i < n. */
static inline __attribute__((always_inline)) void fc_outputs_loop(const hark_fc_s8_params *fc, const int32_t *sums,
                                                                  int8_t *out, int32_t n, int fast)
{
    const hark_fc_s8_params p = *fc;
    for (int32_t i = 0; i < n; i++)
    {
        out[i] = (int8_t)fc_output(&p, sums[i], fast);
    }
}

static void fc_outputs(const hark_fc_s8_params *fc, const int32_t *sums, int8_t *out, int32_t n)
{
    if (fast_fc(fc))
    {
        fc_outputs_loop(fc, sums, out, n, 1);
    }
    else
    {
        fc_outputs_loop(fc, sums, out, n, 0);
    }
}

/* One element of arm_elementwise_mul_s8. */
static inline __attribute__((always_inline)) int32_t mul(const hark_mul_s8_params *p, int32_t input_1,
                                                         int32_t input_2, int fast)
{
    const int32_t product = (input_1 + p->input_1_offset) * (input_2 + p->input_2_offset);
    return clamp_to(requantize(product, p->out_mult, p->out_shift, fast) + p->out_offset, p->out_activation_min,
                    p->out_activation_max, fast);
}

/* scaled[i] (= or +=) table[mul(a[i], b[i]) + 128], i < n: an addition's input that is a product. */
static inline __attribute__((always_inline)) void mul_scaled_loop(const hark_mul_s8_params *mul_params,
                                                                  const int32_t *table, const int8_t *a,
                                                                  const int8_t *b, int32_t *scaled, int32_t n,
                                                                  int accumulate, int fast)
{
    const hark_mul_s8_params p = *mul_params;
    const int32_t *const t = table + 128;
    for (int32_t i = 0; i < n; i++)
    {
        const int32_t v = t[mul(&p, a[i], b[i], fast)];
        scaled[i] = accumulate ? scaled[i] + v : v;
    }
}

static void mul_scaled(const hark_mul_s8_params *p, const int32_t *table, const int8_t *a, const int8_t *b,
                       int32_t *scaled, int32_t n, int accumulate)
{
    if (fast_parameters(p->out_shift, p->out_activation_min, p->out_activation_max))
    {
        if (accumulate)
        {
            mul_scaled_loop(p, table, a, b, scaled, n, 1, 1);
        }
        else
        {
            mul_scaled_loop(p, table, a, b, scaled, n, 0, 1);
        }
    }
    else
    {
        mul_scaled_loop(p, table, a, b, scaled, n, accumulate, 0);
    }
}

/* The output of arm_elementwise_add_s8 from the sum of its two scaled inputs. */
static inline __attribute__((always_inline)) int32_t add_output(const hark_add_s8_params *p, int32_t scaled_sum,
                                                                int fast)
{
    return clamp_to(requantize(scaled_sum, p->out_mult, p->out_shift, fast) + p->out_offset, p->out_activation_min,
                    p->out_activation_max, fast);
}

/*
 * out[i] = table[add output of scaled[i] + 128] and, with a second table, out_2[i] = table_2[the same index], i < n;
 * without tables (table NULL), out[i] = the add output itself.
 */
static inline __attribute__((always_inline)) void add_lookup_loop(const hark_add_s8_params *add_params,
                                                                  const int32_t *scaled, const int8_t *table,
                                                                  int8_t *out, const int8_t *table_2, int8_t *out_2,
                                                                  int32_t n, int fast)
{
    const hark_add_s8_params p = *add_params;
    for (int32_t i = 0; i < n; i++)
    {
        const int32_t pre = add_output(&p, scaled[i], fast);
        if (table == NULL)
        {
            out[i] = (int8_t)pre;
        }
        else
        {
            out[i] = table[pre + 128];
            if (table_2 != NULL)
            {
                out_2[i] = table_2[pre + 128];
            }
        }
    }
}

static void add_lookup(const hark_add_s8_params *p, const int32_t *scaled, const int8_t *table, int8_t *out,
                       const int8_t *table_2, int8_t *out_2, int32_t n)
{
    if (fast_parameters(p->out_shift, p->out_activation_min, p->out_activation_max))
    {
        if (table == NULL)
        {
            add_lookup_loop(p, scaled, NULL, out, NULL, NULL, n, 1);
        }
        else if (table_2 == NULL)
        {
            add_lookup_loop(p, scaled, table, out, NULL, NULL, n, 1);
        }
        else
        {
            add_lookup_loop(p, scaled, table, out, table_2, out_2, n, 1);
        }
    }
    else
    {
        add_lookup_loop(p, scaled, table, out, table_2, out_2, n, 0);
    }
}

/* Whether the three projections can share one widened operand: the same input offset, symmetric weights. */
static int shares_input(const hark_fc_s8_params fc[3])
{
    for (int32_t g = 0; g < 3; g++)
    {
        if (fc[g].weights == NULL || fc[g].fc_params.filter_offset != 0 ||
            fc[g].fc_params.input_offset != fc[0].fc_params.input_offset)
        {
            return 0;
        }
    }
    return 1;
}

/*
 * sums[g][i] = bias_g[j0 + i] + row j0 + i of gate g's matrix times the widened x (size values), for the gates r, z,
 * n and i < n. The rows of a matrix follow each other, so its pointer walks on from unit to unit.
 */
static void projections(const hark_fc_s8_params fc[3], const int16_t *x, int32_t size, int32_t j0, int32_t n,
                        int32_t sums[3][HARK_GRU_BLOCK])
{
    for (int32_t g = 0; g < 3; g++)
    {
        if (fc[g].bias != NULL)
        {
            memcpy(sums[g], fc[g].bias + j0, (size_t)n * sizeof(int32_t));
        }
        else
        {
            memset(sums[g], 0, (size_t)n * sizeof(int32_t));
        }
    }
    const int8_t *w0 = fc[GATE_R].weights + j0 * size;
    const int8_t *w1 = fc[GATE_Z].weights + j0 * size;
    const int8_t *w2 = fc[GATE_N].weights + j0 * size;
    for (int32_t *sum = sums[0]; sum != sums[0] + n; sum++)
    {
        int32_t s[3] = {sum[0], sum[HARK_GRU_BLOCK], sum[2 * HARK_GRU_BLOCK]};
        dot3(x, size, w0, w1, w2, s);
        w0 += size;
        w1 += size;
        w2 += size;
        sum[0] = s[GATE_R];
        sum[HARK_GRU_BLOCK] = s[GATE_Z];
        sum[2 * HARK_GRU_BLOCK] = s[GATE_N];
    }
}

/*
 * One step of units [j0, j0 + n) of the layer, n <= HARK_GRU_BLOCK: their dot products, then the gate arithmetic
 * step by step over the block. h is the step's hidden state (NULL for 0), h_next its output row.
 */
static void gru_block(const hark_gru_s8_params *params, const int16_t *x_wide, const int16_t *h_wide, const int8_t *h,
                      int8_t *h_next, int32_t j0, int32_t n)
{
    static const int8_t zero_state[HARK_GRU_BLOCK] = {0};
    const int32_t inputs = params->input_size;
    const int32_t hidden = params->hidden_size;
    const hark_fc_s8_params *const in = params->input_fc;
    const hark_fc_s8_params *const hid = params->hidden_fc;
    int32_t gx[3][HARK_GRU_BLOCK], gh[3][HARK_GRU_BLOCK], scaled[HARK_GRU_BLOCK];
    int8_t r[HARK_GRU_BLOCK], z[HARK_GRU_BLOCK], zc[HARK_GRU_BLOCK], gate[HARK_GRU_BLOCK];

    projections(in, x_wide, inputs, j0, n, gx);
    projections(hid, h_wide, hidden, j0, n, gh);

    /* r = sigmoid_r[add_r(fc_ir, fc_hr)] */
    fc_scaled(&in[GATE_R], params->add_r_inputs, gx[GATE_R], scaled, n, 0);
    fc_scaled(&hid[GATE_R], params->add_r_inputs + 256, gh[GATE_R], scaled, n, 1);
    add_lookup(&params->add_r, scaled, params->sigmoid_r, r, NULL, NULL, n);
    /* z, 1 - z from pre_z = add_z(fc_iz, fc_hz) */
    fc_scaled(&in[GATE_Z], params->add_z_inputs, gx[GATE_Z], scaled, n, 0);
    fc_scaled(&hid[GATE_Z], params->add_z_inputs + 256, gh[GATE_Z], scaled, n, 1);
    add_lookup(&params->add_z, scaled, params->sigmoid_z, z, params->one_minus_sigmoid_z, zc, n);
    /* n = tanh_n[add_n(fc_in, mul_r_hn(r, fc_hn))] */
    fc_outputs(&hid[GATE_N], gh[GATE_N], gate, n);
    fc_scaled(&in[GATE_N], params->add_n_inputs, gx[GATE_N], scaled, n, 0);
    mul_scaled(&params->mul_r_hn, params->add_n_inputs + 256, r, gate, scaled, n, 1);
    add_lookup(&params->add_n, scaled, params->tanh_n, gate, NULL, NULL, n);
    /* h' = add_h(mul_zc_n(1 - z, n), mul_z_h(z, h)); h[j] is read before h_next[j] is written (they may be one byte). */
    mul_scaled(&params->mul_zc_n, params->add_h_inputs, zc, gate, scaled, n, 0);
    mul_scaled(&params->mul_z_h, params->add_h_inputs + 256, z, h != NULL ? h + j0 : zero_state, scaled, n, 1);
    add_lookup(&params->add_h, scaled, NULL, h_next + j0, NULL, NULL, n);
}

arm_cmsis_nn_status hark_gru_s8(const cmsis_nn_context *ctx,
                                const hark_gru_s8_params *params,
                                int32_t steps,
                                const int8_t *input,
                                int8_t *state,
                                int8_t *output)
{
    hark_gru_s8_layout layout;
    if (ctx == NULL || ctx->buf == NULL || input == NULL || output == NULL || params == NULL ||
        params->sigmoid_r == NULL || params->sigmoid_z == NULL || params->one_minus_sigmoid_z == NULL ||
        params->tanh_n == NULL || params->add_r_inputs == NULL || params->add_z_inputs == NULL ||
        params->add_n_inputs == NULL || params->add_h_inputs == NULL || !shares_input(params->input_fc) ||
        !shares_input(params->hidden_fc))
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const int32_t required = hark_gru_s8_plan(params, steps, &layout);
    if (required < 0 || ctx->size < required)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }

    const int32_t inputs = params->input_size;
    const int32_t hidden = params->hidden_size;
    int16_t *const x_wide = (int16_t *)((int8_t *)ctx->buf + layout.input);
    int16_t *const h_wide = (int16_t *)((int8_t *)ctx->buf + layout.hidden);
    const hark_fc_s8_params *const in = params->input_fc;
    const hark_fc_s8_params *const hid = params->hidden_fc;

    for (int32_t t = 0; t < steps; t++)
    {
        /* h: the carried state or 0 at the first step, then the previous step's output row. */
        const int8_t *h = t > 0 ? output + (t - 1) * hidden : state;
        int8_t *const h_next = output + t * hidden;
        widen(input + t * inputs, inputs, in[0].fc_params.input_offset, x_wide);
        if (h != NULL)
        {
            widen(h, hidden, hid[0].fc_params.input_offset, h_wide);
        }
        else
        {
            /* h = 0: each value is just the offset. */
            for (int32_t k = 0; k < hidden; k++)
            {
                h_wide[k] = (int16_t)hid[0].fc_params.input_offset;
            }
        }

        for (int32_t j0 = 0; j0 < hidden; j0 += HARK_GRU_BLOCK)
        {
            gru_block(params, x_wide, h_wide, h, h_next, j0,
                      hidden - j0 < HARK_GRU_BLOCK ? hidden - j0 : HARK_GRU_BLOCK);
        }
    }
    if (state != NULL)
    {
        memmove(state, output + (steps - 1) * hidden, (size_t)hidden);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
