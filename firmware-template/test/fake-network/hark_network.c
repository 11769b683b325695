/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Test fixture: the stand-in network declared in hark_network.h. Quantization parameters are plausible rather than
 * derived from a trained model: pre-activations have scale 1/16, gates and hidden state 1/127, all with zero
 * point 0 except the input features (zero point -10) and the softmax output.
 */

#include <string.h>

#include "hark_model_data.h"
#include "hark_network.h"
#include "hark_nnfunctions.h"

#define STEPS 4
#define INPUTS 3
#define HIDDEN 4
#define CLASSES 3

const char *const hark_layer_names[HARK_LAYER_COUNT] = {"gru", "fc", "softmax"};
const int32_t hark_layer_sizes[HARK_LAYER_COUNT] = {STEPS * HIDDEN, CLASSES, CLASSES};

#define HALF (1 << 30) /* Q31 multiplier 0.5 */
#define FC(weights, bias, input_offset, shift) {weights, bias, {input_offset, 0, 0, {-128, 127}}, {HALF, shift}}
/* (x + y) * 2^(out_shift + 19) for two inputs of equal scale. */
#define ADD(out_shift) {0, HALF, 0, 0, HALF, 0, 20, 0, HALF, out_shift, -128, 127}
#define MUL {0, 0, 0, HALF, -6, -128, 127} /* x * y / 128 */

/*
 * Every addition's input scaling (ADD: offset 0, multiplier 1/2, left shift 20, so v scales to v * 2^19), [2][256];
 * filled by hark_network_run, as a generated network's tables are by the code generator.
 */
static int32_t add_inputs[2 * 256];

static const hark_gru_s8_params gru = {
    INPUTS,
    HIDDEN,
    {FC(fake_w_ir, fake_b_ir, 10, -7), FC(fake_w_iz, fake_b_iz, 10, -7), FC(fake_w_in, fake_b_in, 10, -7)},
    {FC(fake_w_hr, fake_b_hr, 0, -8), FC(fake_w_hz, fake_b_hz, 0, -8), FC(fake_w_hn, fake_b_hn, 0, -8)},
    ADD(-19),
    ADD(-19),
    ADD(-19),
    ADD(-18),
    MUL,
    MUL,
    MUL,
    fake_sigmoid,
    fake_sigmoid,
    fake_one_minus_sigmoid,
    fake_tanh,
    add_inputs,
    add_inputs,
    add_inputs,
    add_inputs,
    {NULL, NULL, NULL},
    {NULL, NULL, NULL},
};

static const hark_fc_s8_params classifier = FC(fake_w_fc, fake_b_fc, 0, -7);

/* The arena: GRU scratch first (hark_gru_s8 checks that it is large enough), then the hidden states and logits. */
#define GRU_SCRATCH_SIZE 1024
#define HIDDEN_STATES_OFFSET GRU_SCRATCH_SIZE
#define LOGITS_OFFSET (HIDDEN_STATES_OFFSET + STEPS * HIDDEN)

arm_cmsis_nn_status hark_network_run(int8_t *arena,
                                     const int8_t *features,
                                     int8_t *output,
                                     hark_trace_fn trace,
                                     void *user)
{
    if (arena == NULL)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    int8_t *const hidden_states = arena + HIDDEN_STATES_OFFSET;
    int8_t *const logits = arena + LOGITS_OFFSET;
    for (int32_t i = 0; i < 256; i++)
    {
        add_inputs[i] = (i - 128) * (1 << 19);
        add_inputs[256 + i] = (i - 128) * (1 << 19);
    }
    const cmsis_nn_context gru_ctx = {arena, GRU_SCRATCH_SIZE};
    arm_cmsis_nn_status status = hark_gru_s8(&gru_ctx, &gru, STEPS, features, NULL, hidden_states);
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        return status;
    }
    if (trace != NULL)
    {
        trace(0, hidden_states, STEPS * HIDDEN, user);
    }

    const cmsis_nn_context fc_ctx = {NULL, 0};
    const cmsis_nn_dims input_dims = {1, 1, 1, HIDDEN};
    const cmsis_nn_dims filter_dims = {HIDDEN, 1, 1, CLASSES};
    const cmsis_nn_dims bias_dims = {1, 1, 1, CLASSES};
    const cmsis_nn_dims output_dims = {1, 1, 1, CLASSES};
    status = arm_fully_connected_s8(&fc_ctx,
                                    &classifier.fc_params,
                                    &classifier.quant_params,
                                    &input_dims,
                                    hidden_states + (STEPS - 1) * HIDDEN,
                                    &filter_dims,
                                    classifier.weights,
                                    &bias_dims,
                                    classifier.bias,
                                    &output_dims,
                                    logits);
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        return status;
    }
    if (trace != NULL)
    {
        trace(1, logits, CLASSES, user);
    }

    /* beta = 1 and logit scale 1/16: mult 2^30, shift 23, diff_min -248 (TFLite's derivation). */
    arm_softmax_s8(logits, 1, CLASSES, HALF, 23, -248, output);
    if (trace != NULL)
    {
        trace(2, output, CLASSES, user);
    }
    return ARM_CMSIS_NN_SUCCESS;
}
