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
 * the weights four at a time, two multiply-accumulates per instruction (SMLAD): the matrices the code generator
 * writes widened to int16 as they lie, int8 ones sign-extended in pairs (SXTB16).
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
 * Widens n int8 values plus offset to int16. For int8 weights the dot products read whole words of four values in
 * the order SXTB16 splits four weights, (x0, x2) then (x1, x3); for widened weights (in_order) they read them in
 * their own order, as the weights lie. The values past the last whole word keep their order.
 */
static void widen(const int8_t *x, int32_t n, int32_t offset, int in_order, int16_t *out)
{
    int32_t k = 0;
#if defined(ARM_MATH_DSP)
    const int32_t offsets = (int32_t)(((uint32_t)(uint16_t)offset << 16) | (uint16_t)offset);
    for (; k + 4 <= n; k += 4)
    {
        const int32_t v = hark_read_s8x4(x + k);
        int32_t even = hark_sxtab16(offsets, v);
        int32_t odd = hark_sxtab16_odd(offsets, v);
        if (in_order)
        {
            /* (x0, x2), (x1, x3) -> (x0, x1), (x2, x3): the low halves joined, then the high halves. */
            const int32_t low = even;
            __asm__("pkhbt %0, %1, %2, lsl #16" : "=r"(even) : "r"(low), "r"(odd));
            __asm__("pkhtb %0, %1, %2, asr #16" : "=r"(odd) : "r"(odd), "r"(low));
        }
        memcpy(out + k, &even, sizeof(even));
        memcpy(out + k + 2, &odd, sizeof(odd));
    }
#else
    (void)in_order;
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
 * Each loop over a block comes in two builds: a fast one for the common parameters (a shift and output offset that
 * hark_requantize_plus takes, no clamp narrower than int8: every requantization of the demo networks), where the
 * shift needs no test, the offset joins the rounding and the clamp is one SSAT, and a general one. `fast` is a
 * constant in each, so the compiler leaves the other case out.
 */
static inline int small_offset(int32_t offset)
{
    return offset >= -(1 << 14) && offset <= (1 << 14);
}

static inline int fast_parameters(int32_t shift, int32_t offset, int32_t min, int32_t max)
{
    return hark_requantize_plus_applies(shift, offset) && min == -128 && max == 127;
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

/* An output of arm_fully_connected_s8 from its sum (bias included). */
static inline __attribute__((always_inline)) int32_t fc_output(const hark_fc_s8_params *fc, int32_t sum, int fast)
{
    const int32_t multiplier = fc->quant_params.multiplier, shift = fc->quant_params.shift;
    const int32_t offset = fc->fc_params.output_offset;
    return clamp_to(fast ? hark_requantize_plus(sum, multiplier, shift, offset)
                         : hark_requantize(sum, multiplier, shift) + offset,
                    fc->fc_params.activation.min, fc->fc_params.activation.max, fast);
}

static inline int fast_fc(const hark_fc_s8_params *fc)
{
    return fast_parameters(fc->quant_params.shift, fc->fc_params.output_offset, fc->fc_params.activation.min,
                           fc->fc_params.activation.max);
}

/*
 * One element of arm_elementwise_mul_s8. In the fast build the input offsets are at most 2^14 in magnitude, so the
 * product of two int8 values plus offsets is below 2^30 and its requantization needs no test of its size.
 */
static inline __attribute__((always_inline)) int32_t mul(const hark_mul_s8_params *p, int32_t input_1,
                                                         int32_t input_2, int fast)
{
    const int32_t product = (input_1 + p->input_1_offset) * (input_2 + p->input_2_offset);
    return clamp_to(fast ? hark_requantize_plus_small(product, p->out_mult, p->out_shift, p->out_offset)
                         : hark_requantize(product, p->out_mult, p->out_shift) + p->out_offset,
                    p->out_activation_min, p->out_activation_max, fast);
}

static inline int fast_mul(const hark_mul_s8_params *p)
{
    return fast_parameters(p->out_shift, p->out_offset, p->out_activation_min, p->out_activation_max) &&
           small_offset(p->input_1_offset) && small_offset(p->input_2_offset);
}

/* The output of arm_elementwise_add_s8 from the sum of its two inputs' scalings (its table's entries). */
static inline __attribute__((always_inline)) int32_t add_output(const hark_add_s8_params *p, int32_t scaled_sum,
                                                                int fast)
{
    return clamp_to(fast ? hark_requantize_plus(scaled_sum, p->out_mult, p->out_shift, p->out_offset)
                         : hark_requantize(scaled_sum, p->out_mult, p->out_shift) + p->out_offset,
                    p->out_activation_min, p->out_activation_max, fast);
}

static inline int fast_add(const hark_add_s8_params *p)
{
    return fast_parameters(p->out_shift, p->out_offset, p->out_activation_min, p->out_activation_max);
}

/*
 * A gate of the block: out[i] = table[add(fc_x(sums_x[i]), fc_h(sums_h[i])) + 128] and, with a second table,
 * out_2[i] = table_2[the same index], i < n; add's inputs' scalings read from its table add_inputs ([2][256]). The
 * parameters are copied to locals so that the loop keeps them in registers.
 */
static inline __attribute__((always_inline)) void gate_loop(const hark_fc_s8_params *fc_x,
                                                            const hark_fc_s8_params *fc_h,
                                                            const hark_add_s8_params *add, const int32_t *add_inputs,
                                                            const int32_t *sums_x, const int32_t *sums_h,
                                                            const int8_t *table, int8_t *out, const int8_t *table_2,
                                                            int8_t *out_2, int32_t n, int fast)
{
    const hark_fc_s8_params px = *fc_x;
    const hark_fc_s8_params ph = *fc_h;
    const hark_add_s8_params pa = *add;
    const int32_t *const scaled_1 = add_inputs + 128;
    const int32_t *const scaled_2 = add_inputs + 256 + 128;
    for (int32_t i = 0; i < n; i++)
    {
        const int32_t pre = add_output(
            &pa, scaled_1[fc_output(&px, sums_x[i], fast)] + scaled_2[fc_output(&ph, sums_h[i], fast)], fast);
        out[i] = table[pre + 128];
        if (table_2 != NULL)
        {
            out_2[i] = table_2[pre + 128];
        }
    }
}

static void gate(const hark_fc_s8_params *fc_x, const hark_fc_s8_params *fc_h, const hark_add_s8_params *add,
                 const int32_t *add_inputs, const int32_t *sums_x, const int32_t *sums_h, const int8_t *table,
                 int8_t *out, const int8_t *table_2, int8_t *out_2, int32_t n, int fast)
{
    if (fast)
    {
        if (table_2 == NULL)
        {
            gate_loop(fc_x, fc_h, add, add_inputs, sums_x, sums_h, table, out, NULL, NULL, n, 1);
        }
        else
        {
            gate_loop(fc_x, fc_h, add, add_inputs, sums_x, sums_h, table, out, table_2, out_2, n, 1);
        }
    }
    else
    {
        gate_loop(fc_x, fc_h, add, add_inputs, sums_x, sums_h, table, out, table_2, out_2, n, 0);
    }
}

/*
 * The candidate state of the block: n[i] = tanh_n[add_n(fc_in(sums_x[i]), mul_r_hn(r[i], fc_hn(sums_h[i]))) + 128],
 * i < n_units.
 */
static inline __attribute__((always_inline)) void candidate_loop(const hark_gru_s8_params *params,
                                                                 const int32_t *sums_x, const int32_t *sums_h,
                                                                 const int8_t *r, int8_t *n, int32_t n_units,
                                                                 int fast)
{
    const hark_fc_s8_params px = params->input_fc[GATE_N];
    const hark_fc_s8_params ph = params->hidden_fc[GATE_N];
    const hark_mul_s8_params pm = params->mul_r_hn;
    const hark_add_s8_params pa = params->add_n;
    const int32_t *const scaled_1 = params->add_n_inputs + 128;
    const int32_t *const scaled_2 = params->add_n_inputs + 256 + 128;
    const int8_t *const tanh_n = params->tanh_n + 128;
    /*
     * Two loops, the product r * fc_hn into n first: one loop over both takes more parameters than the registers
     * hold and reloads a dozen of them a unit from the stack.
     */
    for (int32_t i = 0; i < n_units; i++)
    {
        n[i] = (int8_t)mul(&pm, r[i], fc_output(&ph, sums_h[i], fast), fast);
    }
    for (int32_t i = 0; i < n_units; i++)
    {
        n[i] = tanh_n[add_output(&pa, scaled_1[fc_output(&px, sums_x[i], fast)] + scaled_2[n[i]], fast)];
    }
}

static void candidate(const hark_gru_s8_params *params, const int32_t *sums_x, const int32_t *sums_h,
                      const int8_t *r, int8_t *n, int32_t n_units, int fast)
{
    if (fast)
    {
        candidate_loop(params, sums_x, sums_h, r, n, n_units, 1);
    }
    else
    {
        candidate_loop(params, sums_x, sums_h, r, n, n_units, 0);
    }
}

/*
 * The new state of the block: h_next[i] = add_h(mul_zc_n(zc[i], n[i]), mul_z_h(z[i], h[i])), i < n_units; h[i] is
 * read before h_next[i] is written (they may be one byte). n is overwritten (with the first product), which the
 * block needs no more.
 */
static inline __attribute__((always_inline)) void new_state_loop(const hark_gru_s8_params *params, const int8_t *z,
                                                                 const int8_t *zc, int8_t *n, const int8_t *h,
                                                                 int8_t *h_next, int32_t n_units, int fast)
{
    const hark_mul_s8_params pzc = params->mul_zc_n;
    const hark_mul_s8_params pz = params->mul_z_h;
    const hark_add_s8_params pa = params->add_h;
    const int32_t *const scaled_1 = params->add_h_inputs + 128;
    const int32_t *const scaled_2 = params->add_h_inputs + 256 + 128;
    /* Two loops, as in candidate_loop: one over both products reloads about ten parameters a unit from the stack. */
    for (int32_t i = 0; i < n_units; i++)
    {
        n[i] = (int8_t)mul(&pzc, zc[i], n[i], fast);
    }
    for (int32_t i = 0; i < n_units; i++)
    {
        h_next[i] = (int8_t)add_output(&pa, scaled_1[n[i]] + scaled_2[mul(&pz, z[i], h[i], fast)], fast);
    }
}

static void new_state(const hark_gru_s8_params *params, const int8_t *z, const int8_t *zc, int8_t *n,
                      const int8_t *h, int8_t *h_next, int32_t n_units, int fast)
{
    if (fast)
    {
        new_state_loop(params, z, zc, n, h, h_next, n_units, 1);
    }
    else
    {
        new_state_loop(params, z, zc, n, h, h_next, n_units, 0);
    }
}

/*
 * Whether the three projections can share one widened operand: the same input offset, symmetric weights; and
 * whether their weights are there: all three widened, or none widened and all three int8.
 */
static int shares_input(const hark_fc_s8_params fc[3], const int16_t *const wide[3])
{
    const int widened = wide[0] != NULL;
    for (int32_t g = 0; g < 3; g++)
    {
        if ((wide[g] != NULL) != widened || (!widened && fc[g].weights == NULL) || fc[g].fc_params.filter_offset != 0 ||
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
/* What projections_in_assembly reads: word offsets 0 to 10, as its loads name them. */
typedef struct
{
    const int16_t *x;      /* 0: the widened values, word-aligned */
    const int16_t *x_end8; /* 4: x + size rounded down to 8 (at least 8) */
    int32_t *sums_end;     /* 8: sums + the block's units */
    int32_t tail;          /* 12: the values past x_end8 (size % 8): 4 if there is a whole word, 1 and 2 the rest */
    int32_t *sums;         /* 16: the gate r sums of the block's first unit; z and n follow at the stride */
    const void *w0;        /* 20: row j0 of gate r's matrix (int8, or int16 widened), then z's and n's */
    const void *w1;        /* 24 */
    const void *w2;        /* 28 */
    /*
     * 32, 36, 40: where gates r's, z's and n's biases of a unit lie from its gate r sum, in bytes (the distance
     * between two arrays, as an address wraps): each unit's sums start at its biases, read where they lie, instead of
     * six copies of a block's biases into the sums a step (one memcpy call of about 64 instructions each).
     */
    int32_t bias_r_from_sum;
    int32_t bias_z_from_sum;
    int32_t bias_n_from_sum;
} projection_args;

/* One of the projections_*_in_assembly functions below (cores with the DSP extension), or NULL for the C loops. */
typedef void (*projection_loop)(const projection_args *args);

#if defined(ARM_MATH_DSP)
/* The sums of one gate lie HARK_GRU_BLOCK words after those of the gate before: in bytes, for the assembly below. */
#define HARK_GRU_GATE_STRIDE_BYTES "64"
typedef char hark_gru_gate_stride_is_the_block[HARK_GRU_BLOCK * 4 == 64 ? 1 : -1];

/* One row's four multiply-accumulates: the row's next word (r9), split (r10), times x (r7, r8), into the sum. */
#define HARK_GRU_MAC4(row, sum)                                                                                        \
    "ldr r9, [" row "], #4\n\t"                                                                                        \
    "sxtb16 r10, r9\n\t"                                                                                               \
    "smlad " sum ", r7, r10, " sum "\n\t"                                                                              \
    "sxtb16 r10, r9, ror #8\n\t"                                                                                       \
    "smlad " sum ", r8, r10, " sum "\n\t"

/* The same for widened weights (x in order): the row's next two words of two weights each, one LDRD into r9, r10. */
#define HARK_GRU_MAC4_WIDE(row, sum)                                                                                   \
    "ldrd r9, r10, [" row "], #8\n\t"                                                                                 \
    "smlad " sum ", r7, r9, " sum "\n\t"                                                                              \
    "smlad " sum ", r8, r10, " sum "\n\t"

/* The same for widened rows that may lie at an odd half-word (an odd size): two word loads, which need no alignment. */
#define HARK_GRU_MAC4_WIDE_LDR(row, sum)                                                                               \
    "ldr r9, [" row "], #4\n\t"                                                                                       \
    "ldr r10, [" row "], #4\n\t"                                                                                      \
    "smlad " sum ", r7, r9, " sum "\n\t"                                                                              \
    "smlad " sum ", r8, r10, " sum "\n\t"

/*
 * A row's last two values (MAC2, x's pair in order in r7) and last value (MAC1, x's in r7's low half), past its
 * whole words: int8 weights one signed byte load each, multiplied by the half of x it meets (SMLABB, SMLATB; the
 * loaded byte's low half is the weight); widened weights one word of two (SMLAD) or one signed half-word.
 */
#define HARK_GRU_MAC2(row, sum)                                                                                        \
    "ldrsb r9, [" row "], #1\n\t"                                                                                     \
    "smlabb " sum ", r7, r9, " sum "\n\t"                                                                             \
    "ldrsb r9, [" row "], #1\n\t"                                                                                     \
    "smlatb " sum ", r7, r9, " sum "\n\t"
#define HARK_GRU_MAC1(row, sum)                                                                                        \
    "ldrsb r9, [" row "], #1\n\t"                                                                                     \
    "smlabb " sum ", r7, r9, " sum "\n\t"
#define HARK_GRU_MAC2_WIDE(row, sum)                                                                                   \
    "ldr r9, [" row "], #4\n\t"                                                                                       \
    "smlad " sum ", r7, r9, " sum "\n\t"
#define HARK_GRU_MAC1_WIDE(row, sum)                                                                                   \
    "ldrsh r9, [" row "], #2\n\t"                                                                                     \
    "smlabb " sum ", r7, r9, " sum "\n\t"

/* After the passes of eight, a size of a multiple of four: its last whole word if there is one (tail = 4). */
#define HARK_GRU_TAIL_WORD(MAC4)                                                                                       \
    "cmp lr, #0\n\t"                                                                                                 \
    "beq 3f\n\t"                                                                                                     \
    "ldrd r7, r8, [r0]\n\t"                                                                                          \
    MAC4("r1", "r4") MAC4("r2", "r5") MAC4("r3", "r6")                                                               \
    "3:\n\t"

/*
 * After the passes of eight, any size: the last whole word (bit 2 of tail), then two values (bit 1) and one (bit 0),
 * which widen() leaves in order. LSLS puts bit 1 in C and bit 0 in N; the loads and multiply-accumulates between
 * leave the flags alone.
 */
#define HARK_GRU_TAIL_ANY(MAC4, MAC2, MAC1)                                                                            \
    "tst lr, #4\n\t"                                                                                                 \
    "beq 4f\n\t"                                                                                                     \
    "ldrd r7, r8, [r0], #8\n\t"                                                                                      \
    MAC4("r1", "r4") MAC4("r2", "r5") MAC4("r3", "r6")                                                               \
    "4:\n\t"                                                                                                         \
    "lsls r9, lr, #31\n\t"                                                                                           \
    "bcc 5f\n\t"                                                                                                     \
    "ldr r7, [r0], #4\n\t"                                                                                           \
    MAC2("r1", "r4") MAC2("r2", "r5") MAC2("r3", "r6")                                                               \
    "5:\n\t"                                                                                                         \
    "bpl 3f\n\t"                                                                                                     \
    "ldrsh r7, [r0]\n\t"                                                                                             \
    MAC1("r1", "r4") MAC1("r2", "r5") MAC1("r3", "r6")                                                               \
    "3:\n\t"

/*
 * The body of the projections_*_in_assembly functions, with the rows' four multiply-accumulates (MAC4) as the weights
 * lie and the values after the passes of eight (TAIL: HARK_GRU_TAIL_WORD or HARK_GRU_TAIL_ANY).
 */
#define HARK_GRU_PROJECTIONS_BODY(MAC4, TAIL)                                                                          \
    "push {r4-r11, lr}\n\t"                                                                                           \
    "ldr r4, [r0, #0]\n\t"                                                                                            \
    "ldr r5, [r0, #8]\n\t"                                                                                            \
    "ldr r6, [r0, #32]\n\t"                                                                                           \
    "ldr r7, [r0, #36]\n\t"                                                                                           \
    "ldr r8, [r0, #40]\n\t"                                                                                           \
    /* [sp] = x, [sp, #4] = sums_end, [sp, #8] .. [sp, #16] = the biases from the sums */                              \
    "push {r4-r8}\n\t"                                                                                                \
    "ldr r12, [r0, #4]\n\t"                                                                                           \
    "ldr lr, [r0, #12]\n\t"                                                                                           \
    "ldr r11, [r0, #16]\n\t"                                                                                          \
    "ldr r1, [r0, #20]\n\t"                                                                                           \
    "ldr r2, [r0, #24]\n\t"                                                                                           \
    "ldr r3, [r0, #28]\n\t"                                                                                           \
    "1:\n\t"                                                                                                          \
    "ldrd r7, r8, [sp, #8]\n\t"                                                                                       \
    "ldr r9, [sp, #16]\n\t"                                                                                           \
    "ldr r4, [r11, r7]\n\t"                                                                                           \
    "ldr r5, [r11, r8]\n\t"                                                                                           \
    "ldr r6, [r11, r9]\n\t"                                                                                           \
    "ldr r0, [sp]\n\t"                                                                                                \
    "2:\n\t"                                                                                                          \
    "ldrd r7, r8, [r0], #8\n\t"                                                                                       \
    MAC4("r1", "r4") MAC4("r2", "r5") MAC4("r3", "r6")                                                               \
    "ldrd r7, r8, [r0], #8\n\t"                                                                                       \
    MAC4("r1", "r4") MAC4("r2", "r5") MAC4("r3", "r6")                                                               \
    "cmp r0, r12\n\t"                                                                                                 \
    "bne 2b\n\t"                                                                                                      \
    TAIL                                                                                                              \
    "str r5, [r11, #" HARK_GRU_GATE_STRIDE_BYTES "]\n\t"                                                              \
    "str r6, [r11, #2 * " HARK_GRU_GATE_STRIDE_BYTES "]\n\t"                                                          \
    "str r4, [r11], #4\n\t"                                                                                           \
    "ldr r9, [sp, #4]\n\t"                                                                                            \
    "cmp r11, r9\n\t"                                                                                                 \
    "bne 1b\n\t"                                                                                                      \
    "add sp, sp, #20\n\t"                                                                                             \
    "pop {r4-r11, pc}\n\t"

/*
 * projections() for a word-aligned x of at least eight values and a multiple of four, all units of the block in one
 * assembly loop: per unit its three biases loaded where they lie (the distances on the stack), eight values a pass
 * (each word of four widened values one LDRD, as in dot3), the last four values if there are, the sums stored.
 * Written whole in assembly because the unit loop needs all 14 registers (x pointer and end, three rows, three sums,
 * two values, weight word, split word, sums pointer), and the compilers, given it in C around dot3, keep the
 * pointers on the stack: about 36 instructions a unit and projection where this takes 14. Naked: the body saves and
 * restores the registers the calling convention keeps; the compiler sees no use of args, which the body reads from
 * r0.
 */
__attribute__((naked)) static void projections_in_assembly(const projection_args *args __attribute__((unused)))
{
    /* args arrives in r0 (the calling convention's first argument). */
    __asm__(HARK_GRU_PROJECTIONS_BODY(HARK_GRU_MAC4, HARK_GRU_TAIL_WORD(HARK_GRU_MAC4)));
}

/*
 * projections_in_assembly on widened weights (word-aligned rows, x in order): a row's four multiply-accumulates are
 * an LDRD and two SMLAD where the int8 weights take a load, two SXTB16 and two SMLAD, so that a pass over eight
 * values is 22 instructions for 24 multiply-accumulates (0.92 a MAC, 1.42 on int8 weights).
 */
__attribute__((naked)) static void projections_wide_in_assembly(const projection_args *args __attribute__((unused)))
{
    __asm__(HARK_GRU_PROJECTIONS_BODY(HARK_GRU_MAC4_WIDE, HARK_GRU_TAIL_WORD(HARK_GRU_MAC4_WIDE)));
}

/*
 * The same for sizes of at least eight that are not a multiple of four (the smallest student's 18 inputs a step),
 * their last one to three values after the last whole word: an int8 row's words then lie at any byte, which the
 * word loads (LDR, not LDRD) of the cores with the DSP extension take. Apart from the functions above, whose sizes
 * pay no test of these values.
 */
__attribute__((naked)) static void projections_rest_in_assembly(const projection_args *args __attribute__((unused)))
{
    __asm__(HARK_GRU_PROJECTIONS_BODY(HARK_GRU_MAC4, HARK_GRU_TAIL_ANY(HARK_GRU_MAC4, HARK_GRU_MAC2, HARK_GRU_MAC1)));
}

/* Widened weights of an even size (word-aligned rows, as above), two values past the last whole word. */
__attribute__((naked)) static void projections_wide_rest_in_assembly(const projection_args *args
                                                                     __attribute__((unused)))
{
    __asm__(HARK_GRU_PROJECTIONS_BODY(HARK_GRU_MAC4_WIDE, HARK_GRU_TAIL_ANY(HARK_GRU_MAC4_WIDE, HARK_GRU_MAC2_WIDE,
                                                                            HARK_GRU_MAC1_WIDE)));
}

/*
 * Widened weights of an odd size, or matrices not word-aligned: every other row starts at an odd half-word, so each
 * word of two weights is a load of its own (26 instructions for a pass of 24 multiply-accumulates, not 22).
 */
__attribute__((naked)) static void projections_wide_unaligned_in_assembly(const projection_args *args
                                                                          __attribute__((unused)))
{
    __asm__(HARK_GRU_PROJECTIONS_BODY(HARK_GRU_MAC4_WIDE_LDR, HARK_GRU_TAIL_ANY(HARK_GRU_MAC4_WIDE_LDR,
                                                                                HARK_GRU_MAC2_WIDE,
                                                                                HARK_GRU_MAC1_WIDE)));
}
#endif

/*
 * The assembly loop that takes a projection of size values on x (a scratch vector) and the matrices wide (or the
 * int8 ones where wide[0] is NULL), or NULL: chosen once a call, not once a block and step.
 */
static projection_loop projection_loop_of(const int16_t *x, int32_t size, const int16_t *const wide[3])
{
#if defined(ARM_MATH_DSP)
    /* The assembly loads x eight bytes at a time (LDRD): a word-aligned x, as the scratch regions are. */
    if (((uintptr_t)x & 3u) != 0 || size < 8)
    {
        return NULL;
    }
    if (wide[0] != NULL)
    {
        /*
         * LDRD needs word-aligned widened rows: aligned matrices (the code generator's are) and an even size (a
         * block's first row, j0 x size values in, then is too: j0 is a multiple of HARK_GRU_BLOCK).
         */
        const int aligned = size % 2 == 0 && (((uintptr_t)wide[0] | (uintptr_t)wide[1] | (uintptr_t)wide[2]) & 3u) == 0;
        return !aligned ? projections_wide_unaligned_in_assembly
                        : size % 4 == 0 ? projections_wide_in_assembly : projections_wide_rest_in_assembly;
    }
    return size % 4 == 0 ? projections_in_assembly : projections_rest_in_assembly;
#else
    (void)x;
    (void)size;
    (void)wide;
    return NULL;
#endif
}

/* sums[i] += x (size values, in order) times rows w[0..2] of widened weights, for i < 3. */
static inline __attribute__((always_inline)) void dot3_wide(const int16_t *x, int32_t size, const int16_t *w0,
                                                            const int16_t *w1, const int16_t *w2, int32_t sums[3])
{
    int32_t s0 = sums[0], s1 = sums[1], s2 = sums[2];
    for (int32_t k = 0; k < size; k++)
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
 * sums[g][i] = bias_g[j0 + i] + row j0 + i of gate g's matrix times the widened x (size values), for the gates r, z,
 * n and i < n; the matrices widened to int16 where wide[0] is set (see widen() for the order x then takes). The rows
 * of a matrix follow each other, so its pointer walks on from unit to unit.
 */
static void projections(const hark_fc_s8_params fc[3], const int16_t *const wide[3], const int16_t *x, int32_t size,
                        int32_t j0, int32_t n, int32_t sums[3][HARK_GRU_BLOCK], projection_loop loop)
{
    /* The int8 rows where the matrices are not widened (their int8 weights are NULL where they are). */
    const int8_t *w0 = wide[0] == NULL ? fc[GATE_R].weights + j0 * size : NULL;
    const int8_t *w1 = wide[0] == NULL ? fc[GATE_Z].weights + j0 * size : NULL;
    const int8_t *w2 = wide[0] == NULL ? fc[GATE_N].weights + j0 * size : NULL;
#if defined(ARM_MATH_DSP)
    const int16_t *const v0 = wide[0] != NULL ? wide[GATE_R] + j0 * size : NULL;
    const int16_t *const v1 = wide[0] != NULL ? wide[GATE_Z] + j0 * size : NULL;
    const int16_t *const v2 = wide[0] != NULL ? wide[GATE_N] + j0 * size : NULL;
    if (loop != NULL)
    {
        static const int32_t no_bias[HARK_GRU_BLOCK] = {0};
        int32_t bias_from_sum[3];
        for (int32_t g = 0; g < 3; g++)
        {
            const int32_t *const bias = fc[g].bias != NULL ? fc[g].bias + j0 : no_bias;
            bias_from_sum[g] = (int32_t)((uintptr_t)bias - (uintptr_t)sums[0]);
        }
        const projection_args args = {x,
                                      x + (size & ~(int32_t)7),
                                      sums[0] + n,
                                      size & 7,
                                      sums[0],
                                      wide[0] != NULL ? (const void *)v0 : (const void *)w0,
                                      wide[0] != NULL ? (const void *)v1 : (const void *)w1,
                                      wide[0] != NULL ? (const void *)v2 : (const void *)w2,
                                      bias_from_sum[GATE_R],
                                      bias_from_sum[GATE_Z],
                                      bias_from_sum[GATE_N]};
        loop(&args);
        return;
    }
#else
    (void)loop;
#endif
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
    if (wide[0] != NULL)
    {
        const int16_t *u0 = wide[GATE_R] + j0 * size;
        const int16_t *u1 = wide[GATE_Z] + j0 * size;
        const int16_t *u2 = wide[GATE_N] + j0 * size;
        for (int32_t *sum = sums[0]; sum != sums[0] + n; sum++)
        {
            int32_t s[3] = {sum[0], sum[HARK_GRU_BLOCK], sum[2 * HARK_GRU_BLOCK]};
            dot3_wide(x, size, u0, u1, u2, s);
            u0 += size;
            u1 += size;
            u2 += size;
            sum[0] = s[GATE_R];
            sum[HARK_GRU_BLOCK] = s[GATE_Z];
            sum[2 * HARK_GRU_BLOCK] = s[GATE_N];
        }
        return;
    }
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

/* Which of the gate loops take their fast build: tested once a call. */
typedef struct
{
    int gate_r, gate_z, candidate, new_state;
} fast_loops;

static fast_loops fast_loops_of(const hark_gru_s8_params *params)
{
    const hark_fc_s8_params *const in = params->input_fc;
    const hark_fc_s8_params *const hid = params->hidden_fc;
    fast_loops fast;
    fast.gate_r = fast_fc(&in[GATE_R]) && fast_fc(&hid[GATE_R]) && fast_add(&params->add_r);
    fast.gate_z = fast_fc(&in[GATE_Z]) && fast_fc(&hid[GATE_Z]) && fast_add(&params->add_z);
    fast.candidate = fast_fc(&in[GATE_N]) && fast_fc(&hid[GATE_N]) && fast_mul(&params->mul_r_hn) &&
                     fast_add(&params->add_n);
    fast.new_state = fast_mul(&params->mul_zc_n) && fast_mul(&params->mul_z_h) && fast_add(&params->add_h);
    return fast;
}

/*
 * One step of units [j0, j0 + n) of the layer, n <= HARK_GRU_BLOCK: their dot products, then the gate arithmetic
 * step by step over the block. h is the step's hidden state (NULL for 0), h_next its output row.
 */
static void gru_block(const hark_gru_s8_params *params, const fast_loops *fast, const projection_loop loops[2],
                      const int16_t *x_wide, const int16_t *h_wide, const int8_t *h, int8_t *h_next, int32_t j0,
                      int32_t n)
{
    static const int8_t zero_state[HARK_GRU_BLOCK] = {0};
    const int32_t inputs = params->input_size;
    const int32_t hidden = params->hidden_size;
    const hark_fc_s8_params *const in = params->input_fc;
    const hark_fc_s8_params *const hid = params->hidden_fc;
    int32_t gx[3][HARK_GRU_BLOCK], gh[3][HARK_GRU_BLOCK];
    int8_t r[HARK_GRU_BLOCK], z[HARK_GRU_BLOCK], zc[HARK_GRU_BLOCK], gate_n[HARK_GRU_BLOCK];

    projections(in, params->input_weights_wide, x_wide, inputs, j0, n, gx, loops[0]);
    projections(hid, params->hidden_weights_wide, h_wide, hidden, j0, n, gh, loops[1]);

    gate(&in[GATE_R], &hid[GATE_R], &params->add_r, params->add_r_inputs, gx[GATE_R], gh[GATE_R], params->sigmoid_r,
         r, NULL, NULL, n, fast->gate_r);
    gate(&in[GATE_Z], &hid[GATE_Z], &params->add_z, params->add_z_inputs, gx[GATE_Z], gh[GATE_Z], params->sigmoid_z,
         z, params->one_minus_sigmoid_z, zc, n, fast->gate_z);
    candidate(params, gx[GATE_N], gh[GATE_N], r, gate_n, n, fast->candidate);
    new_state(params, z, zc, gate_n, h != NULL ? h + j0 : zero_state, h_next + j0, n, fast->new_state);
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
        params->add_n_inputs == NULL || params->add_h_inputs == NULL ||
        !shares_input(params->input_fc, params->input_weights_wide) ||
        !shares_input(params->hidden_fc, params->hidden_weights_wide))
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

    const fast_loops fast = fast_loops_of(params);
    const projection_loop loops[2] = {projection_loop_of(x_wide, inputs, params->input_weights_wide),
                                      projection_loop_of(h_wide, hidden, params->hidden_weights_wide)};
    for (int32_t t = 0; t < steps; t++)
    {
        /* h: the carried state or 0 at the first step, then the previous step's output row. */
        const int8_t *h = t > 0 ? output + (t - 1) * hidden : state;
        int8_t *const h_next = output + t * hidden;
        widen(input + t * inputs, inputs, in[0].fc_params.input_offset, params->input_weights_wide[0] != NULL, x_wide);
        if (h != NULL)
        {
            widen(h, hidden, hid[0].fc_params.input_offset, params->hidden_weights_wide[0] != NULL, h_wide);
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
            gru_block(params, &fast, loops, x_wide, h_wide, h, h_next, j0,
                      hidden - j0 < HARK_GRU_BLOCK ? hidden - j0 : HARK_GRU_BLOCK);
        }
    }
    if (state != NULL)
    {
        memmove(state, output + (steps - 1) * hidden, (size_t)hidden);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
