/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: parameter structs for the glue CMSIS-NN lacks. They are built from CMSIS-NN's own structs and
 * argument lists, so every field maps one to one onto an argument of the CMSIS-NN call that consumes it.
 */

#ifndef HARK_NN_TYPES_H
#define HARK_NN_TYPES_H

#include <stdint.h>

#include "arm_nn_types.h"

/** One fully-connected layer as arm_fully_connected_s8() takes it (per-tensor quantization). */
typedef struct
{
    const int8_t *weights; /**< [output_size][input_size], symmetric int8 */
    const int32_t *bias;   /**< [output_size] */
    cmsis_nn_fc_params fc_params;
    cmsis_nn_per_tensor_quant_params quant_params;
} hark_fc_s8_params;

/** The scalar arguments of arm_elementwise_add_s8(), in its argument order. */
typedef struct
{
    int32_t input_1_offset, input_1_mult, input_1_shift, input_2_offset, input_2_mult, input_2_shift, left_shift,
        out_offset, out_mult, out_shift, out_activation_min, out_activation_max;
} hark_add_s8_params;

/** The scalar arguments of arm_elementwise_mul_s8(), in its argument order. */
typedef struct
{
    int32_t input_1_offset, input_2_offset, out_offset, out_mult, out_shift, out_activation_min, out_activation_max;
} hark_mul_s8_params;

/**
 * A quantized GRU layer (PyTorch gate order r, z, n). See hark_gru_s8() for the algorithm and for what each
 * field is applied to.
 */
typedef struct
{
    int32_t input_size;  /**< Features per time step, >= 1 */
    int32_t hidden_size; /**< Hidden units, >= 1 */
    hark_fc_s8_params input_fc[3];  /**< Gates r, z, n: W_i? x + b_i? -> [hidden_size] */
    hark_fc_s8_params hidden_fc[3]; /**< Gates r, z, n: W_h? h + b_h? -> [hidden_size]; h has zero point 0 */
    hark_add_s8_params add_r, add_z, add_n, add_h;
    hark_mul_s8_params mul_r_hn, mul_zc_n, mul_z_h;
    const int8_t *sigmoid_r;           /**< 256-entry table indexed by pre_r + 128 */
    const int8_t *sigmoid_z;           /**< 256-entry table indexed by pre_z + 128 */
    const int8_t *one_minus_sigmoid_z; /**< 256-entry table indexed by pre_z + 128 */
    const int8_t *tanh_n;              /**< 256-entry table indexed by pre_n + 128 */
    /**
     * arm_elementwise_add_s8's scaling of each input of add_r, add_z, add_n and add_h, for every int8 value: [2][256],
     * input 1 then input 2, entry v + 128 being arm_nn_requantize((v + input_offset) << left_shift, input_mult,
     * input_shift) with that input's parameters. Computed by the code generator.
     */
    const int32_t *add_r_inputs;
    const int32_t *add_z_inputs;
    const int32_t *add_n_inputs;
    const int32_t *add_h_inputs;
} hark_gru_s8_params;

#endif /* HARK_NN_TYPES_H */
