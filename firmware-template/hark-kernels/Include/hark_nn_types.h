/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: parameter structs for the glue CMSIS-NN lacks. They are built from CMSIS-NN's own structs and
 * argument lists, so every field maps one to one onto an argument of the CMSIS-NN call that consumes it.
 */

#ifndef HARK_NN_TYPES_H
#define HARK_NN_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nn_types.h"
#include "hark_nn_dsp.h"

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
    /**
     * The weight matrices of input_fc (gates r, z, n) widened to int16: the same values in the same order,
     * [hidden_size][input_size] each. On cores with the DSP extension a word of two widened weights goes straight
     * into SMLAD, where two int8 weights take a load share and a sign extension (SXTB16) each; the generated network
     * then holds these and leaves input_fc's int8 weights NULL (HARK_GRU_WIDENED_WEIGHTS). All three or none; none:
     * the kernel reads the int8 ones.
     */
    const int16_t *input_weights_wide[3];
    /** The same for hidden_fc: [hidden_size][hidden_size] each, all three or none. */
    const int16_t *hidden_weights_wide[3];
} hark_gru_s8_params;

/*
 * Which form of the GRU's matrices a generated network holds, by core: widened to int16 with the DSP extension, where
 * hark_gru_s8 multiplies them in pairs as they lie; int8 without it, where the widened ones would take twice the
 * flash and buy nothing (the plain C reads either one weight at a time). The generated C puts the one form's arrays
 * under #if HARK_GRU_WIDENED_WEIGHTS and passes the other's as NULL through the two macros below; the condition is
 * the one under which the kernel takes its DSP paths (hark_nn_dsp.h).
 */
#if defined(ARM_MATH_DSP)
#define HARK_GRU_WIDENED_WEIGHTS 1
#define HARK_GRU_INT8_WEIGHTS(weights) NULL
#define HARK_GRU_WIDE_WEIGHTS(weights) (weights)
#else
#define HARK_GRU_WIDENED_WEIGHTS 0
#define HARK_GRU_INT8_WEIGHTS(weights) (weights)
#define HARK_GRU_WIDE_WEIGHTS(weights) NULL
#endif

#endif /* HARK_NN_TYPES_H */
