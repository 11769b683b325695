/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Checks hark's optimized kernels against the reference they must equal byte for byte, on random cases and on
 * the extremes (every input and weight at -128 or 127, the largest offsets, saturating clamps), in the build's
 * own configuration: plain C on the host and on cores without the DSP extension, the DSP path on those with it.
 *
 *   hark_convolve_1ch_s8 against arm_convolve_wrapper_s8 of the library linked (portable subset or CMSIS-NN),
 *   random shapes of one input channel, strides and kernel sizes odd and even, the teacher CRNN's filter and a
 *   student's with one and three output channels (the lone channel's pass);
 *   hark_gru_s8 (fused, in blocks of hidden units) against the same GRU composed of the CMSIS-NN calls that define
 *   its arithmetic (arm_fully_connected_s8, arm_elementwise_add_s8, arm_elementwise_mul_s8, hark_lut_s8),
 *   random sizes (multiples of 4 and not), random quantization and tables, with and without a carried state.
 *
 *   hark_fully_connected_s8 against arm_fully_connected_s8 of the library linked, random sizes (rows of inputs and
 *   outputs odd and even, every remainder of the depth by four), offsets and clamps, the calls the code generator
 *   makes (the kernel's fast build: shifts and offsets it takes and leaves, sums beyond 2^30), and the teacher's
 *   and the smallest student's attention energy; hark_fully_connected_transposed_s8 on the transposed filter
 *   against it too, random sizes and the attention context's calls; hark_attention_scores_s8 against
 *   arm_fully_connected_s8, hark_lut_s8 and arm_fully_connected_s8 composed.
 *
 *   hark_softmax_s8 on hark_softmax_s8_exp_table's table against arm_softmax_s8 of the library linked, random rows,
 *   row sizes, multipliers, shifts and smallest differences, rows of equal entries and of one entry far above the
 *   rest.
 *
 *   hark_requantize (the kernels' requantization) against arm_nn_requantize, random values and the edges of its
 *   fast path.
 *
 * Prints "N passed, M failed" and exits 0 only if all passed. No heap allocation.
 */

#include <stdio.h>
#include <string.h>

#include "Internal/hark_requantize.h"
#include "hark_nnfunctions.h"

#define RANDOM_CASES 300
/* Small enough for the Cortex-M0 board's 16 KB of RAM. */
#define TEACHER_ROWS 2
#define TEACHER_CHANNELS 4
#define MAX_INPUT ((TEACHER_ROWS - 1) * 8 + 20) * 40
#define MAX_OUTPUT (TEACHER_ROWS * 18 * 8)
#define MAX_FILTER (TEACHER_CHANNELS * 20 * 5)
#define MAX_CHANNELS 8
#define MAX_REFERENCE_SCRATCH 512
#define MAX_SCRATCH 2576
#define SENTINEL 0x5A

static int passed;
static int failed;

static void check(int condition, const char *what, int case_index)
{
    if (condition)
    {
        passed++;
    }
    else
    {
        failed++;
        fprintf(stderr, "kernel_test: FAILED: %s (case %d)\n", what, case_index);
    }
}

/* xorshift32: the same cases on every target. */
static uint32_t random_state = 2463534242u;

static uint32_t next_random(void)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 17;
    random_state ^= random_state << 5;
    return random_state;
}

/* A whole number in [low, high]. */
static int32_t random_in(int32_t low, int32_t high)
{
    return low + (int32_t)(next_random() % (uint32_t)(high - low + 1));
}

/* Random int8 values, or (one case in four each) all at -128 or all at 127. */
static void fill_int8(int8_t *data, int32_t size)
{
    const int32_t kind = random_in(0, 7);
    for (int32_t i = 0; i < size; i++)
    {
        data[i] = (int8_t)(kind == 0 ? -128 : kind == 1 ? 127 : random_in(-128, 127));
    }
}

static int8_t input[MAX_INPUT];
static int8_t filter[MAX_FILTER];
static int32_t conv_bias[MAX_CHANNELS];
static int32_t conv_multipliers[MAX_CHANNELS];
static int32_t shifts[MAX_CHANNELS];
static int8_t expected[MAX_OUTPUT];
static int8_t actual[MAX_OUTPUT];
static int16_t reference_scratch[MAX_REFERENCE_SCRATCH / 2];
/* A widened filter row is KW rounded up to even: at most twice the int8 filter (KW = 1). */
#define MAX_WIDENED_FILTER (2 * MAX_FILTER)
static int16_t widened_filter[MAX_WIDENED_FILTER];
/* The transposed filters and the attention's energies of the cases that borrow these buffers fit them. */
typedef char transposed_filter_fits[MAX_FILTER <= MAX_REFERENCE_SCRATCH ? 1 : -1];
typedef char energies_fit[MAX_OUTPUT <= 2 * MAX_WIDENED_FILTER ? 1 : -1];
typedef char score_weights_fit[9 * 23 + 9 <= MAX_FILTER && 16 * 4 + 256 <= MAX_SCRATCH ? 1 : -1];
typedef char softmax_values_fit[64 <= MAX_OUTPUT ? 1 : -1];
/* Words, so that the GRU cases' int32 tables can live past their scratch (see random_gru). */
static int32_t scratch[MAX_SCRATCH / 4];

typedef struct
{
    cmsis_nn_dims input, filter, output;
    cmsis_nn_conv_params conv;
} conv_case;

/* Runs both kernels on one case (inputs already filled) and compares. */
static void compare_convolutions(const conv_case *c, int case_index)
{
    const cmsis_nn_per_channel_quant_params quant = {conv_multipliers, shifts};
    const cmsis_nn_dims bias_dims = {1, 1, 1, c->output.c};
    const int32_t output_size = c->output.n * c->output.h * c->output.w * c->output.c;
    const int32_t reference_size =
        arm_convolve_wrapper_s8_get_buffer_size(&c->conv, &c->input, &c->filter, &c->output);
    const int32_t size = hark_convolve_1ch_s8_get_buffer_size(&c->input, &c->filter);
    const int32_t widened_size = hark_convolve_1ch_s8_widened_filter_size(&c->filter);
    if (reference_size > MAX_REFERENCE_SCRATCH || widened_size < 0 || widened_size > MAX_WIDENED_FILTER)
    {
        check(0, "scratch and filter sizes within the test's buffers", case_index);
        return;
    }
    check(size == 0, "hark_convolve_1ch_s8 needs no scratch", case_index);
    const cmsis_nn_context reference_ctx = {reference_scratch, reference_size};
    check(arm_convolve_wrapper_s8(&reference_ctx, &c->conv, &quant, &c->input, input, &c->filter, filter,
                                  &bias_dims, conv_bias, &c->output, expected) == ARM_CMSIS_NN_SUCCESS,
          "arm_convolve_wrapper_s8 runs", case_index);
    check(hark_convolve_1ch_s8_widen_filter(&c->filter, filter, widened_filter) == ARM_CMSIS_NN_SUCCESS,
          "hark_convolve_1ch_s8_widen_filter runs", case_index);

    /* A padded convolution is refused without writing anything. */
    memset(actual, SENTINEL, sizeof(actual));
    const cmsis_nn_context ctx = {NULL, 0};
    cmsis_nn_conv_params padded = c->conv;
    padded.padding.h = 1;
    check(hark_convolve_1ch_s8(&ctx, &padded, &quant, &c->input, input, &c->filter, widened_filter, &bias_dims,
                               conv_bias, &c->output, actual) == ARM_CMSIS_NN_ARG_ERROR &&
              actual[0] == SENTINEL,
          "hark_convolve_1ch_s8 refuses padding", case_index);

    check(hark_convolve_1ch_s8(&ctx, &c->conv, &quant, &c->input, input, &c->filter, widened_filter, &bias_dims,
                               conv_bias, &c->output, actual) == ARM_CMSIS_NN_SUCCESS,
          "hark_convolve_1ch_s8 runs", case_index);
    check(memcmp(expected, actual, (size_t)output_size) == 0, "hark_convolve_1ch_s8 equals arm_convolve_wrapper_s8",
          case_index);
}

/* Random per-channel quantization: multipliers in [2^30, 2^31), shifts that keep some outputs inside the clamp. */
static void fill_quantization(int32_t channels)
{
    for (int32_t c = 0; c < channels; c++)
    {
        conv_multipliers[c] = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
        shifts[c] = random_in(-16, 2);
        conv_bias[c] = random_in(-100000, 100000);
    }
}

static void random_convolution(int case_index)
{
    conv_case c;
    const int32_t kernel_height = random_in(1, 9);
    const int32_t kernel_width = random_in(1, 7);
    const int32_t stride_h = random_in(1, 4);
    const int32_t stride_w = random_in(1, 3);
    const int32_t out_h = random_in(1, 6);
    const int32_t out_w = random_in(1, 7);
    const int32_t channels = random_in(1, MAX_CHANNELS);
    const int32_t batches = random_in(1, 2);
    /* Inputs exactly as large as the output needs, or with rows and columns the convolution never reaches. */
    const int32_t in_h = (out_h - 1) * stride_h + kernel_height + random_in(0, 2);
    const int32_t in_w = (out_w - 1) * stride_w + kernel_width + random_in(0, 2);
    c.input = (cmsis_nn_dims){batches, in_h, in_w, 1};
    c.filter = (cmsis_nn_dims){channels, kernel_height, kernel_width, 1};
    c.output = (cmsis_nn_dims){batches, out_h, out_w, channels};
    const int32_t extreme = random_in(0, 3);
    c.conv.input_offset = extreme == 0 ? 128 : extreme == 1 ? -127 : random_in(-127, 128);
    c.conv.output_offset = random_in(-128, 127);
    c.conv.stride = (cmsis_nn_tile){stride_w, stride_h};
    c.conv.padding = (cmsis_nn_tile){0, 0};
    c.conv.dilation = (cmsis_nn_tile){1, 1};
    const int32_t low = random_in(-128, 0);
    /* Half the cases all of int8, as every layer without a fused ReLU (the kernel's fast build). */
    c.conv.activation = random_in(0, 1) ? (cmsis_nn_activation){-128, 127}
                                        : (cmsis_nn_activation){low, random_in(low, 127)};
    if (batches * in_h * in_w > MAX_INPUT || batches * out_h * out_w * channels > MAX_OUTPUT ||
        channels * kernel_height * kernel_width > MAX_FILTER)
    {
        return;
    }
    fill_int8(input, batches * in_h * in_w);
    fill_int8(filter, channels * kernel_height * kernel_width);
    fill_quantization(channels);
    compare_convolutions(&c, case_index);
}

/*
 * The teacher CRNN's convolution, filters of 20 x 5 with stride 8 x 2 over 40 mel bins, with TEACHER_CHANNELS
 * filters instead of 8 and TEACHER_ROWS output rows instead of 11.
 */
static void teacher_convolution(int case_index)
{
    conv_case c;
    c.input = (cmsis_nn_dims){1, (TEACHER_ROWS - 1) * 8 + 20, 40, 1};
    c.filter = (cmsis_nn_dims){TEACHER_CHANNELS, 20, 5, 1};
    c.output = (cmsis_nn_dims){1, TEACHER_ROWS, 18, TEACHER_CHANNELS};
    c.conv.input_offset = 128;
    c.conv.output_offset = -5;
    c.conv.stride = (cmsis_nn_tile){2, 8};
    c.conv.padding = (cmsis_nn_tile){0, 0};
    c.conv.dilation = (cmsis_nn_tile){1, 1};
    c.conv.activation = (cmsis_nn_activation){-128, 127};
    fill_int8(input, c.input.h * 40);
    fill_int8(filter, TEACHER_CHANNELS * 20 * 5);
    fill_quantization(TEACHER_CHANNELS);
    compare_convolutions(&c, case_index);
}

/*
 * A student's convolution with a lone channel to take the kernel's one-channel pass: 20 x 5 filters with stride 6 x 2
 * over 40 mel bins (18 columns) or 38 (17 columns: the last column alone), one output channel (the smallest
 * student's) or three (two as a pair, the odd last one alone).
 */
static void student_convolution(int case_index, int32_t channels, int32_t mels)
{
    conv_case c;
    const int32_t columns = (mels - 5) / 2 + 1;
    c.input = (cmsis_nn_dims){1, (TEACHER_ROWS - 1) * 6 + 20, mels, 1};
    c.filter = (cmsis_nn_dims){channels, 20, 5, 1};
    c.output = (cmsis_nn_dims){1, TEACHER_ROWS, columns, channels};
    c.conv.input_offset = random_in(-127, 128);
    c.conv.output_offset = random_in(-128, 127);
    c.conv.stride = (cmsis_nn_tile){2, 6};
    c.conv.padding = (cmsis_nn_tile){0, 0};
    c.conv.dilation = (cmsis_nn_tile){1, 1};
    const int32_t low = random_in(-128, 0);
    c.conv.activation = random_in(0, 2) != 0 ? (cmsis_nn_activation){-128, 127}
                                             : (cmsis_nn_activation){low, random_in(low, 127)};
    fill_int8(input, c.input.h * mels);
    fill_int8(filter, channels * 20 * 5);
    fill_quantization(channels);
    compare_convolutions(&c, case_index);
}

/* --- fully connected ------------------------------------------------------------------------------------------ */

#define FC_RANDOM_CASES 300

/* Runs arm_fully_connected_s8 and hark_fully_connected_s8 on input and filter (already filled) and compares. */
static void compare_fully_connected(int32_t batches, int32_t depth, int32_t outputs, const cmsis_nn_fc_params *fc,
                                    int with_bias, int case_index)
{
    const cmsis_nn_per_tensor_quant_params quant = {conv_multipliers[0], shifts[0]};
    const cmsis_nn_dims input_dims = {batches, 1, 1, depth};
    const cmsis_nn_dims filter_dims = {depth, 1, 1, outputs};
    const cmsis_nn_dims bias_dims = {1, 1, 1, outputs};
    const cmsis_nn_dims output_dims = {batches, 1, 1, outputs};
    const int32_t *bias = with_bias ? scratch : NULL;
    const cmsis_nn_context ctx = {NULL, 0};
    memset(expected, SENTINEL, sizeof(expected));
    memset(actual, SENTINEL, sizeof(actual));
    check(arm_fully_connected_s8(&ctx, fc, &quant, &input_dims, input, &filter_dims, filter, &bias_dims, bias,
                                 &output_dims, expected) == ARM_CMSIS_NN_SUCCESS,
          "arm_fully_connected_s8 runs", case_index);
    check(hark_fully_connected_s8(&ctx, fc, &quant, &input_dims, input, &filter_dims, filter, &bias_dims, bias,
                                  &output_dims, actual) == ARM_CMSIS_NN_SUCCESS,
          "hark_fully_connected_s8 runs", case_index);
    /* Past the outputs too: nothing written beyond them. */
    check(memcmp(expected, actual, sizeof(actual)) == 0, "hark_fully_connected_s8 equals arm_fully_connected_s8",
          case_index);
}

/* Random quantization and offsets: the activation range all of int8 or a random part of it. */
static void random_fc_params(cmsis_nn_fc_params *fc, int32_t outputs)
{
    fill_quantization(1);
    for (int32_t o = 0; o < outputs; o++)
    {
        scratch[o] = random_in(-100000, 100000);
    }
    const int32_t extreme = random_in(0, 3);
    fc->input_offset = extreme == 0 ? 128 : extreme == 1 ? -127 : random_in(-127, 128);
    /* hark generates no filter offset; the kernel still takes one (by its plain loop). */
    fc->filter_offset = random_in(0, 7) == 0 ? random_in(-127, 128) : 0;
    fc->output_offset = random_in(-128, 127);
    const int32_t low = random_in(0, 1) == 0 ? -128 : random_in(-128, 0);
    fc->activation = (cmsis_nn_activation){low, low == -128 && random_in(0, 1) == 0 ? 127 : random_in(low, 127)};
}

/*
 * Rows of inputs 1 to 5 (odd and even), depths 1 to 23 (every remainder of four), output rows 1 to 9 (odd and
 * even).
 */
static void random_fully_connected(int case_index)
{
    const int32_t batches = random_in(1, 5);
    const int32_t depth = random_in(1, 23);
    const int32_t outputs = random_in(1, 9);
    cmsis_nn_fc_params fc;
    random_fc_params(&fc, outputs);
    fill_int8(input, batches * depth);
    fill_int8(filter, outputs * depth);
    compare_fully_connected(batches, depth, outputs, &fc, random_in(0, 7) != 0, case_index);
}

/*
 * The calls the code generator makes (the kernel's fast build): a bias, no filter offset, the clamp all of int8,
 * depths of multiples of four, rows of inputs and outputs odd and even, shifts and offsets of every kind the fast build takes or leaves,
 * and (one case in four) biases near 2^30, so that sums reach beyond what one SMMULR takes.
 */
static void generated_fully_connected(int case_index)
{
    const int32_t batches = random_in(1, 6);
    const int32_t depth = 4 * random_in(1, 6);
    const int32_t outputs = random_in(1, 9);
    cmsis_nn_fc_params fc;
    random_fc_params(&fc, outputs);
    fc.filter_offset = 0;
    fc.activation = (cmsis_nn_activation){-128, 127};
    shifts[0] = random_in(-31, 1);
    if (random_in(0, 3) == 0)
    {
        for (int32_t o = 0; o < outputs; o++)
        {
            scratch[o] = (random_in(0, 1) ? 1 : -1) * (0x40000000 - random_in(-30000, 30000));
        }
    }
    if (random_in(0, 7) == 0)
    {
        fc.output_offset = random_in(0, 1) ? 20000 : -20000;
    }
    fill_int8(input, batches * depth);
    fill_int8(filter, outputs * depth);
    compare_fully_connected(batches, depth, outputs, &fc, 1, case_index);
}

/* The smallest student's attention energy: 14 steps of 16 hidden values, 16 output rows. */
static void student_attention_energy(int case_index)
{
    cmsis_nn_fc_params fc;
    random_fc_params(&fc, 16);
    fc.filter_offset = 0;
    fc.activation = (cmsis_nn_activation){-128, 127};
    fill_int8(input, 14 * 16);
    fill_int8(filter, 16 * 16);
    compare_fully_connected(14, 16, 16, &fc, 1, case_index);
}

/*
 * hark_fully_connected_transposed_s8 on the transpose of filter against arm_fully_connected_s8 on filter: rows of
 * inputs 1 to 3, depths 1 to 23, output rows 1 to 19 (every remainder of four), random offsets and clamps, or the
 * calls the code generator makes (a bias, no filter offset, all of int8); the smallest student's context is
 * 1 x 14 -> 16.
 */
static void transposed_fully_connected(int case_index)
{
    /* The transposed filter in the reference's scratch, which no other case uses meanwhile. */
    int8_t *const transposed = (int8_t *)reference_scratch;
    const int generated = random_in(0, 1);
    const int32_t batches = generated ? 1 : random_in(1, 3);
    const int32_t depth = generated ? random_in(7, 14) : random_in(1, 23);
    const int32_t outputs = generated ? 4 * random_in(2, 4) : random_in(1, 19);
    cmsis_nn_fc_params fc;
    random_fc_params(&fc, outputs);
    if (generated)
    {
        fc.filter_offset = 0;
        fc.activation = (cmsis_nn_activation){-128, 127};
        shifts[0] = random_in(-31, 1);
    }
    const int with_bias = generated || random_in(0, 7) != 0;
    const int32_t *bias = with_bias ? scratch : NULL;
    fill_int8(input, batches * depth);
    fill_int8(filter, outputs * depth);
    for (int32_t o = 0; o < outputs; o++)
    {
        for (int32_t k = 0; k < depth; k++)
        {
            transposed[k * outputs + o] = filter[o * depth + k];
        }
    }
    const cmsis_nn_per_tensor_quant_params quant = {conv_multipliers[0], shifts[0]};
    const cmsis_nn_dims input_dims = {batches, 1, 1, depth};
    const cmsis_nn_dims filter_dims = {depth, 1, 1, outputs};
    const cmsis_nn_dims bias_dims = {1, 1, 1, outputs};
    const cmsis_nn_dims output_dims = {batches, 1, 1, outputs};
    const cmsis_nn_context ctx = {NULL, 0};
    memset(expected, SENTINEL, sizeof(expected));
    memset(actual, SENTINEL, sizeof(actual));
    check(arm_fully_connected_s8(&ctx, &fc, &quant, &input_dims, input, &filter_dims, filter, &bias_dims, bias,
                                 &output_dims, expected) == ARM_CMSIS_NN_SUCCESS,
          "arm_fully_connected_s8 runs", case_index);
    check(hark_fully_connected_transposed_s8(&ctx, &fc, &quant, &input_dims, input, &filter_dims, transposed,
                                             &bias_dims, bias, &output_dims, actual) == ARM_CMSIS_NN_SUCCESS,
          "hark_fully_connected_transposed_s8 runs", case_index);
    check(memcmp(expected, actual, sizeof(actual)) == 0,
          "hark_fully_connected_transposed_s8 equals arm_fully_connected_s8 on the transposed filter", case_index);
}

/*
 * hark_attention_scores_s8 against its composition: arm_fully_connected_s8 (energy), hark_lut_s8 (tanh),
 * arm_fully_connected_s8 (score). Steps 0 to 7, hidden sizes 1 to 23 or (half the cases) the code generator's
 * calls (multiples of four, a bias, no filter offset, all of int8: the fast build; one in four with sums beyond 2^30,
 * which it leaves to the general one), energies 1 to 9, random tables, offsets and clamps of the score.
 */
static void attention_scores(int case_index)
{
    /* The composition's energies in the widened filter's buffer, which no other case uses meanwhile. */
    int8_t *const energies = (int8_t *)widened_filter;
    /* In the other cases' buffers, past what this case uses of them (the Cortex-M0 board has 16 KB of RAM). */
    int8_t *const score_weights = filter + 9 * 23;
    int8_t *const tanh_table = (int8_t *)(scratch + 16);
    int32_t *const score_bias = scratch + 15;
    const int generated = random_in(0, 1);
    const int32_t steps = random_in(0, 7);
    const int32_t hidden_size = generated ? 4 * random_in(1, 5) : random_in(1, 23);
    const int32_t energy_size = random_in(1, 9);
    hark_fc_s8_params energy;
    random_fc_params(&energy.fc_params, energy_size);
    if (generated)
    {
        energy.fc_params.filter_offset = 0;
        energy.fc_params.activation = (cmsis_nn_activation){-128, 127};
        shifts[0] = random_in(-31, 1);
    }
    if (generated && random_in(0, 3) == 0)
    {
        /* Sums beyond 2^30, which the fast build leaves to the general one. */
        for (int32_t o = 0; o < energy_size; o++)
        {
            scratch[o] = (random_in(0, 1) ? 1 : -1) * (0x40000000 - random_in(-30000, 30000));
        }
    }
    energy.quant_params = (cmsis_nn_per_tensor_quant_params){conv_multipliers[0], shifts[0]};
    energy.weights = filter;
    energy.bias = generated || random_in(0, 7) != 0 ? scratch : NULL;
    hark_fc_s8_params score;
    score.fc_params.input_offset = random_in(-127, 128);
    score.fc_params.filter_offset = random_in(0, 3) == 0 ? random_in(-127, 128) : 0;
    score.fc_params.output_offset = random_in(-128, 127);
    score.fc_params.activation = random_in(0, 1) ? (cmsis_nn_activation){-128, 127}
                                                 : (cmsis_nn_activation){random_in(-128, 0), random_in(1, 127)};
    score.quant_params = (cmsis_nn_per_tensor_quant_params){(int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu)),
                                                            random_in(-12, 0)};
    score_bias[0] = random_in(-100000, 100000);
    score.weights = score_weights;
    score.bias = random_in(0, 7) != 0 ? score_bias : NULL;
    fill_int8(input, steps * hidden_size);
    fill_int8(filter, energy_size * hidden_size);
    fill_int8(score_weights, energy_size);
    fill_int8(tanh_table, 256);

    const cmsis_nn_context ctx = {NULL, 0};
    const cmsis_nn_dims energy_in = {steps, 1, 1, hidden_size};
    const cmsis_nn_dims energy_filter = {hidden_size, 1, 1, energy_size};
    const cmsis_nn_dims energy_bias = {1, 1, 1, energy_size};
    const cmsis_nn_dims energy_out = {steps, 1, 1, energy_size};
    const cmsis_nn_dims score_filter = {energy_size, 1, 1, 1};
    const cmsis_nn_dims score_bias_dims = {1, 1, 1, 1};
    const cmsis_nn_dims score_out = {steps, 1, 1, 1};
    memset(expected, SENTINEL, sizeof(expected));
    memset(actual, SENTINEL, sizeof(actual));
    check(arm_fully_connected_s8(&ctx, &energy.fc_params, &energy.quant_params, &energy_in, input, &energy_filter,
                                 energy.weights, &energy_bias, energy.bias, &energy_out,
                                 energies) == ARM_CMSIS_NN_SUCCESS &&
              hark_lut_s8(energies, energies, steps * energy_size, tanh_table) == ARM_CMSIS_NN_SUCCESS &&
              arm_fully_connected_s8(&ctx, &score.fc_params, &score.quant_params, &energy_out, energies,
                                     &score_filter, score.weights, &score_bias_dims, score.bias, &score_out,
                                     expected) == ARM_CMSIS_NN_SUCCESS,
          "the composition runs", case_index);
    check(hark_attention_scores_s8(&energy, tanh_table, &score, steps, hidden_size, energy_size, input, actual) ==
              ARM_CMSIS_NN_SUCCESS,
          "hark_attention_scores_s8 runs", case_index);
    check(memcmp(expected, actual, sizeof(actual)) == 0, "hark_attention_scores_s8 equals its composition",
          case_index);
}

/* The teacher's attention energy (11 steps of 64 hidden values) with 5 of its 64 output rows. */
static void attention_energy(int case_index)
{
    cmsis_nn_fc_params fc;
    random_fc_params(&fc, 5);
    fc.filter_offset = 0;
    fill_int8(input, 11 * 64);
    fill_int8(filter, 5 * 64);
    compare_fully_connected(11, 64, 5, &fc, 1, case_index);
}

/* --- GRU ------------------------------------------------------------------------------------------------------ */

#define GRU_MAX_STEPS 4
/*
 * Up to the smallest student's 18 inputs a step and past it (the DSP path's passes of eight values, then every
 * remainder by four); 14 on the Cortex-M0 board, whose 16 KB of RAM this test fills and whose plain C the host and
 * the Cortex-M3 run on the larger sizes.
 */
#if defined(__ARM_ARCH_6M__)
#define GRU_MAX_INPUTS 14
#else
#define GRU_MAX_INPUTS 20
#endif
/* One past the 16 units the kernel takes at a time, so that a layer may run in two blocks of them. */
#define GRU_MAX_HIDDEN 17
/* Where the additions' tables start in the scratch buffer, in words: past any GRU case's scratch. */
#define GRU_TABLE_WORD 128
typedef char gru_tables_fit_the_scratch[(GRU_TABLE_WORD + 2 * 256) * 4 <= MAX_SCRATCH ? 1 : -1];
#define GRU_RANDOM_CASES 200

static int8_t gru_input_weights[3][GRU_MAX_HIDDEN * GRU_MAX_INPUTS];
/* The hidden matrices live in the convolution cases' widened filter (the Cortex-M0 board has 16 KB of RAM). */
#define GRU_HIDDEN_WEIGHTS (GRU_MAX_HIDDEN * GRU_MAX_HIDDEN)
typedef char gru_hidden_weights_fit[3 * GRU_HIDDEN_WEIGHTS <= (int)sizeof(widened_filter) ? 1 : -1];
/*
 * The matrices widened to int16 (input_weights_wide, hidden_weights_wide), word-aligned as the code generator
 * aligns them. Not on the Cortex-M0 board, whose 16 KB of RAM this test fills to the last byte: the M0 takes the
 * widened weights' plain C path, which the host and the Cortex-M3 run too.
 */
#if !defined(__ARM_ARCH_6M__)
#define GRU_WIDE_CASES 1
static int32_t gru_input_weights_wide[(3 * (GRU_MAX_HIDDEN * GRU_MAX_INPUTS + 1) + 1) / 2];
static int32_t gru_hidden_weights_wide[(3 * (GRU_HIDDEN_WEIGHTS + 1) + 1) / 2];
#endif
static int32_t gru_bias[6][GRU_MAX_HIDDEN];
static int8_t gru_input[GRU_MAX_STEPS * GRU_MAX_INPUTS];
static int8_t gru_state_expected[GRU_MAX_HIDDEN];
static int8_t gru_state_actual[GRU_MAX_HIDDEN];
static int8_t gru_expected[GRU_MAX_STEPS * GRU_MAX_HIDDEN];
static int8_t gru_actual[GRU_MAX_STEPS * GRU_MAX_HIDDEN];

/*
 * The int8 range, as the GRU's projections, additions and products have it, or (one case in eight) a narrower one,
 * which takes hark_gru_s8's general path.
 */
static void random_output_range(int32_t *min, int32_t *max)
{
    const int narrower = random_in(0, 7) == 0;
    *min = narrower ? random_in(-128, -100) : -128;
    *max = narrower ? random_in(100, 127) : 127;
}

static void random_fc(hark_fc_s8_params *fc, int8_t *weights, int32_t *bias, int32_t size, int32_t outputs,
                      int32_t input_offset)
{
    fill_int8(weights, size * outputs);
    /* One case in eight with sums of 2^30 and more in magnitude, which the fast requantizations leave to CMSIS-NN's. */
    const int huge = random_in(0, 7) == 0;
    for (int32_t o = 0; o < outputs; o++)
    {
        bias[o] = huge ? random_in(-1500000, 1500000) * 1000 : random_in(-20000, 20000);
    }
    fc->weights = weights;
    fc->bias = random_in(0, 7) == 0 ? NULL : bias;
    fc->fc_params.input_offset = input_offset;
    fc->fc_params.filter_offset = 0;
    fc->fc_params.output_offset = random_in(-128, 127);
    random_output_range(&fc->fc_params.activation.min, &fc->fc_params.activation.max);
    fc->quant_params.multiplier = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    fc->quant_params.shift = random_in(-14, 0);
}

/* Elementwise add parameters as TFLite makes them: left shift 20, both inputs at most half the common scale. */
static void random_add(hark_add_s8_params *p, int32_t offset_1, int32_t offset_2)
{
    p->input_1_offset = offset_1;
    p->input_1_mult = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    p->input_1_shift = random_in(-6, -1);
    p->input_2_offset = offset_2;
    p->input_2_mult = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    p->input_2_shift = random_in(-6, -1);
    p->left_shift = 20;
    p->out_offset = random_in(-128, 127);
    p->out_mult = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    p->out_shift = random_in(-22, -16);
    random_output_range(&p->out_activation_min, &p->out_activation_max);
}

static void random_mul(hark_mul_s8_params *p, int32_t offset_1, int32_t offset_2)
{
    p->input_1_offset = offset_1;
    p->input_2_offset = offset_2;
    p->out_offset = random_in(-128, 127);
    p->out_mult = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    p->out_shift = random_in(-10, -6);
    random_output_range(&p->out_activation_min, &p->out_activation_max);
}

static void reference_fc(const hark_fc_s8_params *fc, int32_t inputs, int32_t outputs, const int8_t *x, int8_t *y)
{
    const cmsis_nn_context none = {NULL, 0};
    const cmsis_nn_dims input_dims = {1, 1, 1, inputs};
    const cmsis_nn_dims filter_dims = {inputs, 1, 1, outputs};
    const cmsis_nn_dims bias_dims = {1, 1, 1, outputs};
    const cmsis_nn_dims output_dims = {1, 1, 1, outputs};
    arm_fully_connected_s8(&none, &fc->fc_params, &fc->quant_params, &input_dims, x, &filter_dims, fc->weights,
                           &bias_dims, fc->bias, &output_dims, y);
}

static void reference_add(const hark_add_s8_params *p, const int8_t *a, const int8_t *b, int8_t *out, int32_t n)
{
    arm_elementwise_add_s8(a, b, p->input_1_offset, p->input_1_mult, p->input_1_shift, p->input_2_offset,
                           p->input_2_mult, p->input_2_shift, p->left_shift, out, p->out_offset, p->out_mult,
                           p->out_shift, p->out_activation_min, p->out_activation_max, n);
}

static void reference_mul(const hark_mul_s8_params *p, const int8_t *a, const int8_t *b, int8_t *out, int32_t n)
{
    arm_elementwise_mul_s8(a, b, p->input_1_offset, p->input_2_offset, out, p->out_offset, p->out_mult,
                           p->out_shift, p->out_activation_min, p->out_activation_max, n);
}

/* The GRU as the composition of CMSIS-NN calls that defines its arithmetic (docs/integer-network.md). */
static void reference_gru(const hark_gru_s8_params *p, int32_t steps, const int8_t *x, int8_t *state, int8_t *out)
{
    const int32_t n = p->hidden_size;
    int8_t h[GRU_MAX_HIDDEN], gx[3][GRU_MAX_HIDDEN], gh[3][GRU_MAX_HIDDEN], pre[GRU_MAX_HIDDEN];
    int8_t r[GRU_MAX_HIDDEN], z[GRU_MAX_HIDDEN], zc[GRU_MAX_HIDDEN], r_hn[GRU_MAX_HIDDEN], nn[GRU_MAX_HIDDEN];
    int8_t a[GRU_MAX_HIDDEN], b[GRU_MAX_HIDDEN];
    if (state != NULL)
    {
        memcpy(h, state, (size_t)n);
    }
    else
    {
        memset(h, 0, (size_t)n);
    }
    for (int32_t t = 0; t < steps; t++)
    {
        for (int32_t g = 0; g < 3; g++)
        {
            reference_fc(&p->input_fc[g], p->input_size, n, x + t * p->input_size, gx[g]);
            reference_fc(&p->hidden_fc[g], n, n, h, gh[g]);
        }
        reference_add(&p->add_r, gx[0], gh[0], pre, n);
        hark_lut_s8(pre, r, n, p->sigmoid_r);
        reference_add(&p->add_z, gx[1], gh[1], pre, n);
        hark_lut_s8(pre, z, n, p->sigmoid_z);
        hark_lut_s8(pre, zc, n, p->one_minus_sigmoid_z);
        reference_mul(&p->mul_r_hn, r, gh[2], r_hn, n);
        reference_add(&p->add_n, gx[2], r_hn, pre, n);
        hark_lut_s8(pre, nn, n, p->tanh_n);
        reference_mul(&p->mul_zc_n, zc, nn, a, n);
        reference_mul(&p->mul_z_h, z, h, b, n);
        reference_add(&p->add_h, a, b, h, n);
        memcpy(out + t * n, h, (size_t)n);
    }
    if (state != NULL)
    {
        memcpy(state, h, (size_t)n);
    }
}

static void random_gru(int case_index)
{
    hark_gru_s8_params p;
    const int32_t steps = random_in(1, GRU_MAX_STEPS);
    /*
     * Sizes that are whole words of four and sizes that are not, and (one case in three) the remainders by four
     * after passes of eight and after a last whole word: the smallest student's 18 inputs, 17, 19, 10, 9, 11, 13 and
     * below eight.
     */
    static const int32_t input_sizes[] = {18, 17, 19, 10, 9, 11, 13, 6, 7, 5};
    const int32_t listed = (int32_t)(sizeof(input_sizes) / sizeof(input_sizes[0]));
    const int32_t size_kind = random_in(0, 2);
    p.input_size = size_kind == 0   ? 4 * random_in(1, GRU_MAX_INPUTS / 4)
                   : size_kind == 1 ? random_in(1, GRU_MAX_INPUTS)
                                    : input_sizes[random_in(0, listed - 1)];
    if (p.input_size > GRU_MAX_INPUTS)
    {
        p.input_size = GRU_MAX_INPUTS;
    }
    p.hidden_size = random_in(0, 1) ? 4 * random_in(1, GRU_MAX_HIDDEN / 4) : random_in(1, GRU_MAX_HIDDEN);
    const int32_t extreme = random_in(0, 3);
    const int32_t input_offset = extreme == 0 ? 128 : extreme == 1 ? -127 : random_in(-127, 128);
    for (int32_t g = 0; g < 3; g++)
    {
        random_fc(&p.input_fc[g], gru_input_weights[g], gru_bias[g], p.input_size, p.hidden_size, input_offset);
        random_fc(&p.hidden_fc[g], (int8_t *)widened_filter + g * GRU_HIDDEN_WEIGHTS, gru_bias[3 + g],
                  p.hidden_size, p.hidden_size, 0);
    }
    random_add(&p.add_r, -p.input_fc[0].fc_params.output_offset, -p.hidden_fc[0].fc_params.output_offset);
    random_add(&p.add_z, -p.input_fc[1].fc_params.output_offset, -p.hidden_fc[1].fc_params.output_offset);
    random_mul(&p.mul_r_hn, 128, -p.hidden_fc[2].fc_params.output_offset);
    random_add(&p.add_n, -p.input_fc[2].fc_params.output_offset, -p.mul_r_hn.out_offset);
    random_mul(&p.mul_zc_n, 128, 0);
    random_mul(&p.mul_z_h, 128, 0);
    random_add(&p.add_h, -p.mul_zc_n.out_offset, -p.mul_z_h.out_offset);
    /*
     * The additions' input scaling tables ([2][256] int32 each) past the GRU's scratch: one pair, shared by the
     * four additions, which therefore take add_r's input parameters (their output parameters stay their own); four
     * pairs would not fit the Cortex-M0 board's RAM. Which table belongs to which addition is checked end to end by
     * the differential tests.
     */
    int32_t *const add_inputs = scratch + GRU_TABLE_WORD;
    hark_add_s8_params *const adds[] = {&p.add_z, &p.add_n, &p.add_h};
    for (int32_t i = 0; i < 3; i++)
    {
        adds[i]->input_1_offset = p.add_r.input_1_offset;
        adds[i]->input_1_mult = p.add_r.input_1_mult;
        adds[i]->input_1_shift = p.add_r.input_1_shift;
        adds[i]->input_2_offset = p.add_r.input_2_offset;
        adds[i]->input_2_mult = p.add_r.input_2_mult;
        adds[i]->input_2_shift = p.add_r.input_2_shift;
        adds[i]->left_shift = p.add_r.left_shift;
    }
    for (int32_t v = -128; v < 128; v++)
    {
        add_inputs[v + 128] =
            arm_nn_requantize((int32_t)((uint32_t)(v + p.add_r.input_1_offset) << p.add_r.left_shift),
                              p.add_r.input_1_mult, p.add_r.input_1_shift);
        add_inputs[256 + v + 128] =
            arm_nn_requantize((int32_t)((uint32_t)(v + p.add_r.input_2_offset) << p.add_r.left_shift),
                              p.add_r.input_2_mult, p.add_r.input_2_shift);
    }
    p.add_r_inputs = add_inputs;
    p.add_z_inputs = add_inputs;
    p.add_n_inputs = add_inputs;
    p.add_h_inputs = add_inputs;
    /* The tables live in the convolution cases' input buffer (the Cortex-M0 board has 16 KB of RAM). */
    fill_int8(input, 4 * 256); /* MAX_INPUT >= 1024 */
    p.sigmoid_r = input;
    p.sigmoid_z = input + 256;
    p.one_minus_sigmoid_z = input + 512;
    p.tanh_n = input + 768;
    fill_int8(gru_input, steps * p.input_size);
    const int with_state = random_in(0, 1);
    fill_int8(gru_state_expected, p.hidden_size);
    memcpy(gru_state_actual, gru_state_expected, sizeof(gru_state_actual));

    reference_gru(&p, steps, gru_input, with_state ? gru_state_expected : NULL, gru_expected);
    const int32_t size = hark_gru_s8_get_buffer_size(&p, steps);
    /*
     * The scratch starts at the buffer or two bytes into it, so that both the word-aligned widened vectors (which
     * the DSP path loads eight bytes at a time) and the half-word-aligned ones (which it loads a word at a time)
     * are checked.
     */
    const int32_t skew = 2 * random_in(0, 1);
    if (size < 0 || size + skew > GRU_TABLE_WORD * (int32_t)sizeof(int32_t))
    {
        check(0, "hark_gru_s8 scratch within the test's buffer", case_index);
        return;
    }
    const cmsis_nn_context ctx = {(int8_t *)scratch + skew, size};
    int8_t state_before[GRU_MAX_HIDDEN];
    memcpy(state_before, gru_state_actual, sizeof(state_before));
    for (int g = 0; g < 3; g++)
    {
        p.input_weights_wide[g] = NULL;
        p.hidden_weights_wide[g] = NULL;
    }
    check(hark_gru_s8(&ctx, &p, steps, gru_input, with_state ? gru_state_actual : NULL, gru_actual) ==
              ARM_CMSIS_NN_SUCCESS,
          "hark_gru_s8 runs", case_index);
    check(memcmp(gru_expected, gru_actual, (size_t)(steps * p.hidden_size)) == 0,
          "hark_gru_s8 equals the composition of CMSIS-NN calls", case_index);
    check(!with_state || memcmp(gru_state_expected, gru_state_actual, (size_t)p.hidden_size) == 0,
          "hark_gru_s8 leaves the same state", case_index);

#if defined(GRU_WIDE_CASES)
    /* Again on the matrices widened to int16, as the code generator writes them, the int8 ones gone. */
    int16_t *input_wide = (int16_t *)gru_input_weights_wide;
    int16_t *hidden_wide = (int16_t *)gru_hidden_weights_wide;
    const int32_t input_weights = p.input_size * p.hidden_size;
    const int32_t hidden_weights = p.hidden_size * p.hidden_size;
    /*
     * Each matrix word-aligned where its size is even, as the code generator aligns them and the assembly's LDRD
     * needs, or (one case in four) all of them a half-word past it, which the kernel takes with word loads.
     */
    const int32_t input_stride = (input_weights + 1) & ~1, hidden_stride = (hidden_weights + 1) & ~1;
    const int32_t wide_skew = random_in(0, 3) == 0 ? 1 : 0;
    input_wide += wide_skew;
    hidden_wide += wide_skew;
    for (int g = 0; g < 3; g++)
    {
        for (int32_t k = 0; k < input_weights; k++)
        {
            input_wide[g * input_stride + k] = p.input_fc[g].weights[k];
        }
        for (int32_t k = 0; k < hidden_weights; k++)
        {
            hidden_wide[g * hidden_stride + k] = p.hidden_fc[g].weights[k];
        }
        p.input_weights_wide[g] = input_wide + g * input_stride;
        p.hidden_weights_wide[g] = hidden_wide + g * hidden_stride;
        p.input_fc[g].weights = NULL;
        p.hidden_fc[g].weights = NULL;
    }
    memcpy(gru_state_actual, state_before, sizeof(state_before));
    memset(gru_actual, 0, sizeof(gru_actual));
    check(hark_gru_s8(&ctx, &p, steps, gru_input, with_state ? gru_state_actual : NULL, gru_actual) ==
              ARM_CMSIS_NN_SUCCESS,
          "hark_gru_s8 runs on widened weights", case_index);
    check(memcmp(gru_expected, gru_actual, (size_t)(steps * p.hidden_size)) == 0,
          "hark_gru_s8 on widened weights equals the composition of CMSIS-NN calls", case_index);
    check(!with_state || memcmp(gru_state_expected, gru_state_actual, (size_t)p.hidden_size) == 0,
          "hark_gru_s8 on widened weights leaves the same state", case_index);
    /* One widened matrix missing: the call is refused. */
    p.hidden_weights_wide[random_in(0, 2)] = NULL;
    check(hark_gru_s8(&ctx, &p, steps, gru_input, with_state ? gru_state_actual : NULL, gru_actual) ==
              ARM_CMSIS_NN_ARG_ERROR,
          "hark_gru_s8 refuses a missing widened matrix", case_index);
#else
    (void)state_before;
#endif
}

/* --- Softmax ------------------------------------------------------------------------------------------------- */

#define SOFTMAX_RANDOM_CASES 300
#define MAX_SOFTMAX_VALUES 64

/* The table in the scratch words, which no other case uses meanwhile (the Cortex-M0 board has 16 KB of RAM). */
typedef char softmax_table_fits_the_scratch[HARK_SOFTMAX_EXP_TABLE_SIZE <= MAX_SCRATCH / 4 ? 1 : -1];
static int32_t *const softmax_table = scratch;

static void random_softmax(int case_index)
{
    /* The other cases' buffers (the Cortex-M0 board has 16 KB of RAM). */
    int8_t *const softmax_input = input;
    int8_t *const softmax_expected = expected;
    int8_t *const softmax_actual = actual;
    const int32_t rows = random_in(1, 3);
    const int32_t row_size = random_in(1, MAX_SOFTMAX_VALUES / 3);
    const int32_t size = rows * row_size;
    const int32_t kind = random_in(0, 7);
    for (int32_t i = 0; i < size; i++)
    {
        /* Random; equal entries; one entry a row far above the rest; or all spread over the whole range. */
        softmax_input[i] = (int8_t)(kind == 0   ? 5
                                    : kind == 1 ? (i % row_size == 0 ? 127 : -128)
                                    : kind == 2 ? random_in(-128, 127)
                                                : random_in(-20, 20));
    }
    /* The input scale's multiplier and shift as the code generator derives them (Q5.26 of a scale below 32). */
    const int32_t mult = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
    const int32_t shift = random_in(0, 26);
    const int32_t diff_min = random_in(0, 7) == 0 ? random_in(-3, 1) : random_in(-300, -1);
    check(hark_softmax_s8_exp_table(mult, shift, diff_min, softmax_table) == ARM_CMSIS_NN_SUCCESS,
          "hark_softmax_s8_exp_table runs", case_index);
    arm_softmax_s8(softmax_input, rows, row_size, mult, shift, diff_min, softmax_expected);
    memset(softmax_actual, SENTINEL, MAX_SOFTMAX_VALUES);
    check(hark_softmax_s8(softmax_input, rows, row_size, softmax_table, softmax_actual) == ARM_CMSIS_NN_SUCCESS,
          "hark_softmax_s8 runs", case_index);
    check(memcmp(softmax_expected, softmax_actual, (size_t)size) == 0, "hark_softmax_s8 equals arm_softmax_s8",
          case_index);
    check(softmax_actual[size] == (int8_t)SENTINEL || size == MAX_SOFTMAX_VALUES,
          "hark_softmax_s8 writes no further than its rows", case_index);
    /* In place, as the code generator may call it. */
    check(hark_softmax_s8(softmax_input, rows, row_size, softmax_table, softmax_input) == ARM_CMSIS_NN_SUCCESS &&
              memcmp(softmax_expected, softmax_input, (size_t)size) == 0,
          "hark_softmax_s8 in place equals arm_softmax_s8", case_index);
    check(hark_softmax_s8(softmax_input, rows, 0, softmax_table, softmax_actual) == ARM_CMSIS_NN_ARG_ERROR &&
              hark_softmax_s8_exp_table(mult, 32, diff_min, softmax_table) == ARM_CMSIS_NN_ARG_ERROR,
          "hark_softmax_s8 refuses an empty row and its table a shift beyond 31", case_index);
}

/* --- Requantization ------------------------------------------------------------------------------------------- */

static void requantize_case(int32_t value, int32_t multiplier, int32_t shift, int case_index)
{
    check(hark_requantize(value, multiplier, shift) == arm_nn_requantize(value, multiplier, shift),
          "hark_requantize equals arm_nn_requantize", case_index);
}

static void requantizations(int case_index)
{
    static const int32_t edges[] = {0, 1, -1, 2, -2, 3, -3, 0x3FFFFFFF, -0x40000000, 0x40000000, -0x40000001,
                                    INT32_MAX, INT32_MIN, 0x20000000, -0x20000000, 12345, -12345};
    static const int32_t multipliers[] = {0x40000000, 0x7FFFFFFF, 0x5A827999, 0x40000001};
    for (uint32_t v = 0; v < sizeof(edges) / sizeof(edges[0]); v++)
    {
        for (uint32_t m = 0; m < sizeof(multipliers) / sizeof(multipliers[0]); m++)
        {
            for (int32_t shift = -31; shift <= 30; shift++)
            {
                requantize_case(edges[v], multipliers[m], shift, case_index);
            }
        }
    }
    for (int i = 0; i < 20000; i++)
    {
        /* Magnitudes of every size below 2^31, either sign. */
        const int32_t magnitude = (int32_t)(next_random() >> random_in(1, 31));
        const int32_t value = random_in(0, 1) ? magnitude : -magnitude;
        const int32_t multiplier = (int32_t)(0x40000000u + (next_random() & 0x3FFFFFFFu));
        requantize_case(value, multiplier, random_in(-31, 30), case_index);
    }
}

int main(void)
{
    requantizations(-1);
    int case_index = 0;
    for (int i = 0; i < 4; i++)
    {
        teacher_convolution(case_index++);
    }
    for (int i = 0; i < 16; i++)
    {
        student_convolution(case_index++, i % 4 < 2 ? 1 : 3, i % 2 == 0 ? 40 : 38);
    }
    for (int i = 0; i < RANDOM_CASES; i++)
    {
        random_convolution(case_index++);
    }
    for (int i = 0; i < 4; i++)
    {
        attention_energy(case_index++);
    }
    for (int i = 0; i < FC_RANDOM_CASES; i++)
    {
        random_fully_connected(case_index++);
        generated_fully_connected(case_index++);
    }
    for (int i = 0; i < 4; i++)
    {
        student_attention_energy(case_index++);
    }
    for (int i = 0; i < FC_RANDOM_CASES; i++)
    {
        transposed_fully_connected(case_index++);
    }
    for (int i = 0; i < FC_RANDOM_CASES; i++)
    {
        attention_scores(case_index++);
    }
    for (int i = 0; i < GRU_RANDOM_CASES; i++)
    {
        random_gru(case_index++);
    }
    for (int i = 0; i < SOFTMAX_RANDOM_CASES; i++)
    {
        random_softmax(case_index++);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
