/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Golden-vector runner: feeds recorded CMSIS-NN cases to whichever CMSIS-NN build it is linked with and writes what
 * the kernels return, so a test can compare them with the outputs the real library produced. Built for the host and
 * for boards (run under QEMU with semihosting file IO).
 *
 *   golden_runner [cases.txt results.txt]     (defaults: golden_cases.txt golden_results.txt)
 *
 * Input: whitespace-separated tokens, one block per case:
 *     case <name> <kernel> <scalar parameters...> <arrays...>
 * where every array is written as its length followed by its values, and <kernel> with its parameters is one of
 *     requantize          val multiplier shift
 *     fully_connected_s8  input_offset filter_offset output_offset activation_min activation_max multiplier shift
 *                         input_dims filter_dims bias_dims output_dims (n h w c each) | input filter bias
 *     convolve_wrapper_s8 input_offset output_offset stride_w stride_h padding_w padding_h dilation_w dilation_h
 *                         activation_min activation_max input_dims filter_dims bias_dims output_dims
 *                         | input filter bias multiplier shift
 *     softmax_s8          num_rows row_size mult shift diff_min | input
 *     elementwise_add_s8  input_1_offset input_1_mult input_1_shift input_2_offset input_2_mult input_2_shift
 *                         left_shift out_offset out_mult out_shift out_activation_min out_activation_max
 *                         block_size | input1 input2
 *     elementwise_mul_s8  input_1_offset input_2_offset out_offset out_mult out_shift out_activation_min
 *                         out_activation_max block_size | input1 input2
 * Output: one line per case, "<name> <status> <count> <values...>" (status 0 for functions returning none).
 * Exit status 0 when every case ran; 1 with a one-line message on stderr for unreadable or malformed input.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arm_nnfunctions.h"
#include "arm_nnsupportfunctions.h"

#define MAX_ARRAYS 5
#define MAX_VALUES 32768
#define MAX_SCRATCH_WORDS 16384

static const char *cases_path = "golden_cases.txt";
static const char *results_path = "golden_results.txt";

static int32_t values[MAX_ARRAYS][MAX_VALUES];
static int8_t bytes[MAX_ARRAYS][MAX_VALUES];
static int32_t lengths[MAX_ARRAYS];
static int8_t output[MAX_VALUES];
static int32_t scratch[MAX_SCRATCH_WORDS]; /* int32 for alignment */

static void fail(const char *case_name, const char *problem)
{
    fprintf(stderr, "golden_runner: %s: case %s: %s\n", cases_path, case_name, problem);
    exit(1);
}

static int32_t read_int(FILE *in, const char *case_name)
{
    long value;
    if (fscanf(in, "%ld", &value) != 1 || value < (long)INT32_MIN || value > (long)INT32_MAX)
    {
        fail(case_name, "expected a 32-bit integer");
    }
    return (int32_t)value;
}

static cmsis_nn_dims read_dims(FILE *in, const char *case_name)
{
    cmsis_nn_dims dims;
    dims.n = read_int(in, case_name);
    dims.h = read_int(in, case_name);
    dims.w = read_int(in, case_name);
    dims.c = read_int(in, case_name);
    return dims;
}

static int32_t volume(const cmsis_nn_dims *dims)
{
    return dims->n * dims->h * dims->w * dims->c;
}

/* Reads array `slot` and checks its length; also keeps an int8 copy when the values fit. */
static void read_array(FILE *in, const char *case_name, int slot, int32_t expected_length)
{
    const int32_t length = read_int(in, case_name);
    if (length < 0 || length > MAX_VALUES)
    {
        fail(case_name, "array length out of range");
    }
    if (expected_length >= 0 && length != expected_length)
    {
        fail(case_name, "array length does not match the dimensions");
    }
    for (int32_t i = 0; i < length; i++)
    {
        values[slot][i] = read_int(in, case_name);
        bytes[slot][i] = (int8_t)(values[slot][i] < -128 ? -128 : values[slot][i] > 127 ? 127 : values[slot][i]);
    }
    lengths[slot] = length;
}

static void write_result(FILE *out, const char *case_name, int32_t status, const int8_t *data, int32_t count)
{
    fprintf(out, "%s %ld %ld", case_name, (long)status, (long)count);
    for (int32_t i = 0; i < count; i++)
    {
        fprintf(out, " %d", (int)data[i]);
    }
    fputc('\n', out);
}

/* The four dims of a layer call, in the order the call takes them. */
typedef struct
{
    cmsis_nn_dims input;
    cmsis_nn_dims filter;
    cmsis_nn_dims bias;
    cmsis_nn_dims output;
} layer_dims;

static layer_dims read_layer_dims(FILE *in, const char *case_name)
{
    layer_dims dims;
    dims.input = read_dims(in, case_name);
    dims.filter = read_dims(in, case_name);
    dims.bias = read_dims(in, case_name);
    dims.output = read_dims(in, case_name);
    return dims;
}

/* The number of output values, checked against the output buffer. */
static int32_t output_count(const char *case_name, const cmsis_nn_dims *output_dims)
{
    const int32_t count = volume(output_dims);
    if (count > MAX_VALUES)
    {
        fail(case_name, "output too large");
    }
    return count;
}

/* A zeroed scratch buffer of buffer_size bytes for one call (none when the kernel needs none). */
static cmsis_nn_context scratch_context(const char *case_name, int32_t buffer_size)
{
    if (buffer_size > (int32_t)sizeof(scratch))
    {
        fail(case_name, "scratch buffer too small");
    }
    memset(scratch, 0, sizeof(scratch));
    const cmsis_nn_context ctx = {buffer_size > 0 ? scratch : NULL, buffer_size};
    return ctx;
}

/* Reads an elementwise case: `count` scalars, the last being the block size, then the two inputs. */
static int32_t read_elementwise(FILE *in, const char *case_name, int32_t *p, int count)
{
    for (int i = 0; i < count; i++)
    {
        p[i] = read_int(in, case_name);
    }
    const int32_t block_size = p[count - 1];
    read_array(in, case_name, 0, block_size);
    read_array(in, case_name, 1, block_size);
    return block_size;
}

static void run_requantize(FILE *in, FILE *out, const char *name)
{
    const int32_t val = read_int(in, name);
    const int32_t multiplier = read_int(in, name);
    const int32_t shift = read_int(in, name);
    fprintf(out, "%s 0 1 %ld\n", name, (long)arm_nn_requantize(val, multiplier, shift));
}

static void run_fully_connected(FILE *in, FILE *out, const char *name)
{
    cmsis_nn_fc_params fc_params;
    cmsis_nn_per_tensor_quant_params quant_params;
    fc_params.input_offset = read_int(in, name);
    fc_params.filter_offset = read_int(in, name);
    fc_params.output_offset = read_int(in, name);
    fc_params.activation.min = read_int(in, name);
    fc_params.activation.max = read_int(in, name);
    quant_params.multiplier = read_int(in, name);
    quant_params.shift = read_int(in, name);
    const layer_dims dims = read_layer_dims(in, name);
    read_array(in, name, 0, volume(&dims.input));
    read_array(in, name, 1, dims.filter.n * dims.filter.c);
    read_array(in, name, 2, dims.output.c);
    const int32_t count = output_count(name, &dims.output);

    const cmsis_nn_context ctx = scratch_context(name, arm_fully_connected_s8_get_buffer_size(&dims.filter));
    const arm_cmsis_nn_status status = arm_fully_connected_s8(&ctx,
                                                              &fc_params,
                                                              &quant_params,
                                                              &dims.input,
                                                              bytes[0],
                                                              &dims.filter,
                                                              bytes[1],
                                                              &dims.bias,
                                                              values[2],
                                                              &dims.output,
                                                              output);
    write_result(out, name, status, output, count);
}

static void run_convolve(FILE *in, FILE *out, const char *name)
{
    cmsis_nn_conv_params conv_params;
    conv_params.input_offset = read_int(in, name);
    conv_params.output_offset = read_int(in, name);
    conv_params.stride.w = read_int(in, name);
    conv_params.stride.h = read_int(in, name);
    conv_params.padding.w = read_int(in, name);
    conv_params.padding.h = read_int(in, name);
    conv_params.dilation.w = read_int(in, name);
    conv_params.dilation.h = read_int(in, name);
    conv_params.activation.min = read_int(in, name);
    conv_params.activation.max = read_int(in, name);
    const layer_dims dims = read_layer_dims(in, name);
    read_array(in, name, 0, volume(&dims.input));
    read_array(in, name, 1, volume(&dims.filter));
    read_array(in, name, 2, dims.output.c);
    read_array(in, name, 3, dims.output.c);
    read_array(in, name, 4, dims.output.c);
    const int32_t count = output_count(name, &dims.output);

    cmsis_nn_per_channel_quant_params quant_params;
    quant_params.multiplier = values[3];
    quant_params.shift = values[4];
    const cmsis_nn_context ctx = scratch_context(
        name, arm_convolve_wrapper_s8_get_buffer_size(&conv_params, &dims.input, &dims.filter, &dims.output));
    const arm_cmsis_nn_status status = arm_convolve_wrapper_s8(&ctx,
                                                               &conv_params,
                                                               &quant_params,
                                                               &dims.input,
                                                               bytes[0],
                                                               &dims.filter,
                                                               bytes[1],
                                                               &dims.bias,
                                                               values[2],
                                                               &dims.output,
                                                               output);
    write_result(out, name, status, output, count);
}

static void run_softmax(FILE *in, FILE *out, const char *name)
{
    const int32_t num_rows = read_int(in, name);
    const int32_t row_size = read_int(in, name);
    const int32_t mult = read_int(in, name);
    const int32_t shift = read_int(in, name);
    const int32_t diff_min = read_int(in, name);
    read_array(in, name, 0, num_rows * row_size);
    arm_softmax_s8(bytes[0], num_rows, row_size, mult, shift, diff_min, output);
    write_result(out, name, 0, output, num_rows * row_size);
}

static void run_add(FILE *in, FILE *out, const char *name)
{
    int32_t p[13];
    const int32_t block_size = read_elementwise(in, name, p, 13);
    const arm_cmsis_nn_status status = arm_elementwise_add_s8(
        bytes[0], bytes[1], p[0], p[1], p[2], p[3], p[4], p[5], p[6], output, p[7], p[8], p[9], p[10], p[11], block_size);
    write_result(out, name, status, output, block_size);
}

static void run_mul(FILE *in, FILE *out, const char *name)
{
    int32_t p[8];
    const int32_t block_size = read_elementwise(in, name, p, 8);
    const arm_cmsis_nn_status status =
        arm_elementwise_mul_s8(bytes[0], bytes[1], p[0], p[1], output, p[2], p[3], p[4], p[5], p[6], block_size);
    write_result(out, name, status, output, block_size);
}

int main(int argc, char **argv)
{
    if (argc >= 3)
    {
        cases_path = argv[1];
        results_path = argv[2];
    }
    FILE *in = fopen(cases_path, "r");
    if (in == NULL)
    {
        fprintf(stderr, "golden_runner: %s: cannot open\n", cases_path);
        return 1;
    }
    FILE *out = fopen(results_path, "w");
    if (out == NULL)
    {
        fprintf(stderr, "golden_runner: %s: cannot create\n", results_path);
        return 1;
    }

    char keyword[16];
    char name[128];
    char kernel[32];
    long cases = 0;
    int scanned;
    while ((scanned = fscanf(in, "%15s", keyword)) == 1)
    {
        if (strcmp(keyword, "case") != 0 || fscanf(in, "%127s %31s", name, kernel) != 2)
        {
            fail("?", "expected 'case <name> <kernel>'");
        }
        if (strcmp(kernel, "requantize") == 0)
        {
            run_requantize(in, out, name);
        }
        else if (strcmp(kernel, "fully_connected_s8") == 0)
        {
            run_fully_connected(in, out, name);
        }
        else if (strcmp(kernel, "convolve_wrapper_s8") == 0)
        {
            run_convolve(in, out, name);
        }
        else if (strcmp(kernel, "softmax_s8") == 0)
        {
            run_softmax(in, out, name);
        }
        else if (strcmp(kernel, "elementwise_add_s8") == 0)
        {
            run_add(in, out, name);
        }
        else if (strcmp(kernel, "elementwise_mul_s8") == 0)
        {
            run_mul(in, out, name);
        }
        else
        {
            fail(name, "unknown kernel");
        }
        cases++;
    }
    fclose(in);
    if (fclose(out) != 0)
    {
        fprintf(stderr, "golden_runner: %s: write failed\n", results_path);
        return 1;
    }
    printf("golden_runner: %ld cases\n", cases);
    return 0;
}
