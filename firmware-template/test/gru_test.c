/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Checks the contract of hark_gru_s8 beyond its arithmetic (which is covered end to end against the Java
 * simulator): it refuses a scratch buffer that is missing or smaller than hark_gru_s8_get_buffer_size() says,
 * without touching its output, and accepts one of exactly that size; and a sequence run one step per call with a
 * carried state gives the same hidden states as the whole sequence in one call, the state ending as the last one.
 * Prints "N passed, M failed" and exits 0 only if all passed.
 */

#include <stdio.h>
#include <string.h>

#include "hark_nnfunctions.h"

#define STEPS 3
#define INPUTS 5
#define HIDDEN 7
#define SENTINEL 0x5A

static int passed;
static int failed;

static void check(int condition, const char *what)
{
    if (condition)
    {
        passed++;
    }
    else
    {
        failed++;
        fprintf(stderr, "gru_test: FAILED: %s\n", what);
    }
}

static int untouched(const int8_t *data, int32_t size)
{
    for (int32_t i = 0; i < size; i++)
    {
        if (data[i] != SENTINEL)
        {
            return 0;
        }
    }
    return 1;
}

/* Bytes that vary with the index, so that every weight and input takes part. */
static void fill_pattern(int8_t *data, int32_t size, int32_t seed)
{
    for (int32_t i = 0; i < size; i++)
    {
        data[i] = (int8_t)(((i + seed) * 37) % 23 - 11);
    }
}

int main(void)
{
    static int8_t input_weights[HIDDEN * INPUTS];
    static int8_t hidden_weights[HIDDEN * HIDDEN];
    static const int32_t bias[HIDDEN];
    static int8_t identity[256];
    for (int i = 0; i < 256; i++)
    {
        identity[i] = (int8_t)(i - 128);
    }
    /* Both inputs of the additions: offset 0, multiplier 1/2, left shift 20, so v scales to v * 2^19. */
    static int32_t add_inputs[2 * 256];
    for (int i = 0; i < 256; i++)
    {
        add_inputs[i] = (i - 128) * (1 << 19);
        add_inputs[256 + i] = (i - 128) * (1 << 19);
    }
    fill_pattern(input_weights, HIDDEN * INPUTS, 1);
    fill_pattern(hidden_weights, HIDDEN * HIDDEN, 2);
    const hark_fc_s8_params input_fc = {input_weights, bias, {0, 0, 0, {-128, 127}}, {1 << 30, 0}};
    const hark_fc_s8_params hidden_fc = {hidden_weights, bias, {0, 0, 0, {-128, 127}}, {1 << 30, 0}};
    const hark_add_s8_params add = {0, 1 << 30, 0, 0, 1 << 30, 0, 20, 0, 1 << 30, -19, -128, 127};
    const hark_mul_s8_params mul = {0, 0, 0, 1 << 30, -5, -128, 127};
    const hark_gru_s8_params params = {INPUTS,
                                       HIDDEN,
                                       {input_fc, input_fc, input_fc},
                                       {hidden_fc, hidden_fc, hidden_fc},
                                       add,
                                       add,
                                       add,
                                       add,
                                       mul,
                                       mul,
                                       mul,
                                       identity,
                                       identity,
                                       identity,
                                       identity,
                                       add_inputs,
                                       add_inputs,
                                       add_inputs,
                                       add_inputs,
                                       {NULL, NULL, NULL},
                                       {NULL, NULL, NULL}};

    static int32_t scratch[1024];
    static int8_t input[STEPS * INPUTS];
    static int8_t output[STEPS * HIDDEN];
    fill_pattern(input, STEPS * INPUTS, 3);

    const int32_t needed = hark_gru_s8_get_buffer_size(&params, STEPS);
    /* At least one step's input and the hidden state widened to int16. */
    check(needed >= 2 * (INPUTS + HIDDEN) && needed <= (int32_t)sizeof(scratch), "buffer size is plausible");
    check(hark_gru_s8_get_buffer_size(&params, 0) == -1, "zero steps has no buffer size");

    memset(output, SENTINEL, sizeof(output));
    const cmsis_nn_context no_buffer = {NULL, needed};
    check(hark_gru_s8(&no_buffer, &params, STEPS, input, NULL, output) == ARM_CMSIS_NN_ARG_ERROR, "NULL buffer rejected");
    check(untouched(output, sizeof(output)), "output untouched after NULL buffer");

    const cmsis_nn_context one_short = {scratch, needed - 1};
    check(hark_gru_s8(&one_short, &params, STEPS, input, NULL, output) == ARM_CMSIS_NN_ARG_ERROR,
          "buffer one byte short rejected");
    check(untouched(output, sizeof(output)), "output untouched after short buffer");

    const cmsis_nn_context exact = {scratch, needed};
    check(hark_gru_s8(&exact, &params, STEPS, input, NULL, output) == ARM_CMSIS_NN_SUCCESS, "exact buffer accepted");
    check(!untouched(output, sizeof(output)), "output written with exact buffer");

    static int8_t state[HIDDEN];
    static int8_t stepped[STEPS * HIDDEN];
    memset(state, 0, sizeof(state));
    const cmsis_nn_context one_step = {scratch, hark_gru_s8_get_buffer_size(&params, 1)};
    int all_succeeded = 1;
    for (int32_t t = 0; t < STEPS; t++)
    {
        all_succeeded &= hark_gru_s8(&one_step, &params, 1, input + t * INPUTS, state, state) == ARM_CMSIS_NN_SUCCESS;
        memcpy(stepped + t * HIDDEN, state, HIDDEN);
    }
    check(all_succeeded, "one step per call with a state succeeds");
    check(memcmp(stepped, output, sizeof(output)) == 0, "one step per call gives the whole sequence's hidden states");
    check(memcmp(output + (STEPS - 1) * HIDDEN, output, HIDDEN) != 0, "the hidden state changes over the steps");

    printf("gru_test: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
