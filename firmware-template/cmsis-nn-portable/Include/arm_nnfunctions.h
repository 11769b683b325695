/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: public kernel prototypes.
 *
 * hark's generated firmware calls exactly these CMSIS-NN functions. This header and its sources reimplement them
 * with the real library's names, signatures and integer arithmetic (portable C path), so the same generated code
 * builds against either this subset or a checkout of ARM-software/CMSIS-NN, with bit-identical results. The
 * golden vectors recorded from the real library (see the firmware-template README) are the contract.
 *
 * Conventions shared by every kernel here:
 *  - Tensors are NHWC int8; biases are int32; weights are symmetric int8.
 *  - input offsets are the negative input zero point, output offsets the output zero point.
 *  - Requantization is arm_nn_requantize() from arm_nnsupportfunctions.h: double rounding by default, single
 *    rounding when CMSIS_NN_USE_SINGLE_ROUNDING is defined (it must then be defined for every file, as upstream).
 */

#ifndef ARM_NNFUNCTIONS_H
#define ARM_NNFUNCTIONS_H

#include "arm_nn_math_types.h"
#include "arm_nn_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief s8 convolution, the entry point that CMSIS-NN dispatches to its best kernel for the shape.
 *
 * out[b][oy][ox][oc] = clamp(requantize(bias[oc] + sum (in[b][iy][ix][ic] + input_offset) * filter[oc][ky][kx][ic],
 *                                       multiplier[oc], shift[oc]) + output_offset, activation.min, activation.max)
 * with iy = oy * stride.h - padding.h + ky * dilation.h (likewise x); positions outside the input are skipped,
 * which equals padding with the input zero point. Grouped convolution: groups = C_IN / filter C_IN, and output
 * channel oc reads the input channels of group oc / (C_OUT / groups).
 *
 * This portable build always runs the generic path; the real library's 1x1 and 1xN specialisations compute the
 * same values.
 *
 * @param[in, out] ctx          Scratch memory of arm_convolve_wrapper_s8_get_buffer_size() bytes. The portable path
 *                              does not touch it, but it still rejects a NULL buffer whenever the real library
 *                              would need one, so firmware that passes here also runs against the real library.
 * @param[in]      conv_params  Offsets, stride, padding, dilation and clamp. input_offset in [-127, 128],
 *                              output_offset in [-128, 127].
 * @param[in]      quant_params Per-channel multipliers and shifts, C_OUT entries each.
 * @param[in]      input_dims   Input dimensions [N, H, W, C_IN].
 * @param[in]      input_data   Input data, int8.
 * @param[in]      filter_dims  Filter dimensions [C_OUT, HK, WK, C_IN / groups].
 * @param[in]      filter_data  Filter data, int8, laid out [C_OUT][HK][WK][C_IN / groups].
 * @param[in]      bias_dims    Bias dimensions [C_OUT] (not read).
 * @param[in]      bias_data    Bias data, int32, C_OUT entries; may be NULL for no bias.
 * @param[in]      output_dims  Output dimensions [N, H, W, C_OUT].
 * @param[out]     output_data  Output data, int8.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR if C_IN is not a multiple of the filter's C_IN, C_OUT is
 *         not a multiple of the group count, or the scratch buffer is NULL although one is required.
 */
arm_cmsis_nn_status arm_convolve_wrapper_s8(const cmsis_nn_context *ctx,
                                            const cmsis_nn_conv_params *conv_params,
                                            const cmsis_nn_per_channel_quant_params *quant_params,
                                            const cmsis_nn_dims *input_dims,
                                            const int8_t *input_data,
                                            const cmsis_nn_dims *filter_dims,
                                            const int8_t *filter_data,
                                            const cmsis_nn_dims *bias_dims,
                                            const int32_t *bias_data,
                                            const cmsis_nn_dims *output_dims,
                                            int8_t *output_data);

/**
 * @brief Scratch bytes arm_convolve_wrapper_s8() needs, as the real library reports for a core without Helium
 *        (Cortex-M0..M33 and host builds, compiled with gcc): 0 for a non-grouped 1x1 convolution without padding
 *        and dilation, otherwise 2 * align4(HK * WK * C_IN) int16 values.
 *
 * @param[in] conv_params Convolution parameters.
 * @param[in] input_dims  Input dimensions [N, H, W, C_IN].
 * @param[in] filter_dims Filter dimensions [C_OUT, HK, WK, C_IN / groups].
 * @param[in] output_dims Output dimensions [N, H, W, C_OUT].
 *
 * @return Required buffer size in bytes (0 means pass a context with buf = NULL).
 */
int32_t arm_convolve_wrapper_s8_get_buffer_size(const cmsis_nn_conv_params *conv_params,
                                                const cmsis_nn_dims *input_dims,
                                                const cmsis_nn_dims *filter_dims,
                                                const cmsis_nn_dims *output_dims);

/**
 * @brief s8 fully-connected layer with per-tensor requantization, applied to every batch row.
 *
 * out[b][o] = clamp(requantize(bias[o] + sum_k (in[b][k] + input_offset) * (filter[o][k] + filter_offset),
 *                              multiplier, shift) + output_offset, activation.min, activation.max)
 *
 * @param[in, out] ctx          Scratch memory of arm_fully_connected_s8_get_buffer_size() bytes (0 here).
 * @param[in]      fc_params    Offsets and clamp. input_offset in [-127, 128], filter_offset 0,
 *                              output_offset in [-128, 127].
 * @param[in]      quant_params Per-tensor multiplier and shift.
 * @param[in]      input_dims   Input dimensions [N, H, W, C_IN]; read as N rows of H * W * C_IN values.
 * @param[in]      input_data   Input data, int8.
 * @param[in]      filter_dims  Filter dimensions: n = accumulation depth (H * W * C_IN), c = output depth.
 * @param[in]      filter_data  Filter data, int8, laid out [output depth][accumulation depth].
 * @param[in]      bias_dims    Bias dimensions [C_OUT] (not read).
 * @param[in]      bias_data    Bias data, int32, one per output; may be NULL for no bias.
 * @param[in]      output_dims  Output dimensions: n = batches, c = output depth.
 * @param[out]     output_data  Output data, int8, laid out [batches][output depth].
 *
 * @return ARM_CMSIS_NN_SUCCESS.
 */
arm_cmsis_nn_status arm_fully_connected_s8(const cmsis_nn_context *ctx,
                                           const cmsis_nn_fc_params *fc_params,
                                           const cmsis_nn_per_tensor_quant_params *quant_params,
                                           const cmsis_nn_dims *input_dims,
                                           const int8_t *input_data,
                                           const cmsis_nn_dims *filter_dims,
                                           const int8_t *filter_data,
                                           const cmsis_nn_dims *bias_dims,
                                           const int32_t *bias_data,
                                           const cmsis_nn_dims *output_dims,
                                           int8_t *output_data);

/**
 * @brief Scratch bytes arm_fully_connected_s8() needs: 0 on every core without Helium. (The real library's Helium
 *        build wants output depth * 4 bytes pre-filled with kernel sums; that build is not targeted by hark.)
 *
 * @param[in] filter_dims Filter dimensions.
 *
 * @return Required buffer size in bytes.
 */
int32_t arm_fully_connected_s8_get_buffer_size(const cmsis_nn_dims *filter_dims);

/**
 * @brief s8 softmax over each row, bit-exact with TFLite (Micro)'s reference int8 softmax.
 *
 * The output has scale 1/256 and zero point -128, so out is about 256 * p - 128. Each difference to the row maximum
 * is scaled by mult * 2^shift into a Q5.26 value; differences below diff_min contribute nothing and give -128.
 *
 * @param[in]  input    Input data, int8, [num_rows][row_size].
 * @param[in]  num_rows Number of rows.
 * @param[in]  row_size Number of elements in each row.
 * @param[in]  mult     Input multiplier (Q31).
 * @param[in]  shift    Input left shift, [0, 30].
 * @param[in]  diff_min Smallest difference to the row maximum that still contributes (negative).
 * @param[out] output   Output data, int8, [num_rows][row_size].
 */
void arm_softmax_s8(const int8_t *input,
                    const int32_t num_rows,
                    const int32_t row_size,
                    const int32_t mult,
                    const int32_t shift,
                    const int32_t diff_min,
                    int8_t *output);

/**
 * @brief s8 elementwise add of two vectors with independent quantization.
 *
 * a = requantize((in1 + input_1_offset) << left_shift, input_1_mult, input_1_shift), b likewise, then
 * out = clamp(requantize(a + b, out_mult, out_shift) + out_offset, out_activation_min, out_activation_max).
 *
 * @param[in]  input_1_vect       Input vector 1.
 * @param[in]  input_2_vect       Input vector 2.
 * @param[in]  input_1_offset     Offset for input 1, [-127, 128].
 * @param[in]  input_1_mult       Multiplier for input 1.
 * @param[in]  input_1_shift      Shift for input 1.
 * @param[in]  input_2_offset     Offset for input 2, [-127, 128].
 * @param[in]  input_2_mult       Multiplier for input 2.
 * @param[in]  input_2_shift      Shift for input 2.
 * @param[in]  left_shift         Common left shift of both inputs. Use 20 (TFLite's value): on cores with the DSP
 *                                extension the real library differs from the portable path below 16.
 * @param[out] output             Output vector.
 * @param[in]  out_offset         Output offset, [-128, 127].
 * @param[in]  out_mult           Output multiplier.
 * @param[in]  out_shift          Output shift.
 * @param[in]  out_activation_min Lower clamp, >= -128.
 * @param[in]  out_activation_max Upper clamp, <= 127.
 * @param[in]  block_size         Number of elements.
 *
 * @return ARM_CMSIS_NN_SUCCESS.
 */
arm_cmsis_nn_status arm_elementwise_add_s8(const int8_t *input_1_vect,
                                           const int8_t *input_2_vect,
                                           const int32_t input_1_offset,
                                           const int32_t input_1_mult,
                                           const int32_t input_1_shift,
                                           const int32_t input_2_offset,
                                           const int32_t input_2_mult,
                                           const int32_t input_2_shift,
                                           const int32_t left_shift,
                                           int8_t *output,
                                           const int32_t out_offset,
                                           const int32_t out_mult,
                                           const int32_t out_shift,
                                           const int32_t out_activation_min,
                                           const int32_t out_activation_max,
                                           const int32_t block_size);

/**
 * @brief s8 elementwise multiplication of two vectors.
 *
 * out = clamp(requantize((in1 + input_1_offset) * (in2 + input_2_offset), out_mult, out_shift) + out_offset,
 *             out_activation_min, out_activation_max)
 *
 * @param[in]  input_1_vect       Input vector 1.
 * @param[in]  input_2_vect       Input vector 2.
 * @param[in]  input_1_offset     Offset for input 1, [-127, 128].
 * @param[in]  input_2_offset     Offset for input 2, [-127, 128].
 * @param[out] output             Output vector.
 * @param[in]  out_offset         Output offset, [-128, 127].
 * @param[in]  out_mult           Output multiplier.
 * @param[in]  out_shift          Output shift.
 * @param[in]  out_activation_min Lower clamp, >= -128.
 * @param[in]  out_activation_max Upper clamp, <= 127.
 * @param[in]  block_size         Number of elements.
 *
 * @return ARM_CMSIS_NN_SUCCESS.
 */
arm_cmsis_nn_status arm_elementwise_mul_s8(const int8_t *input_1_vect,
                                           const int8_t *input_2_vect,
                                           const int32_t input_1_offset,
                                           const int32_t input_2_offset,
                                           int8_t *output,
                                           const int32_t out_offset,
                                           const int32_t out_mult,
                                           const int32_t out_shift,
                                           const int32_t out_activation_min,
                                           const int32_t out_activation_max,
                                           const int32_t block_size);

#ifdef __cplusplus
}
#endif

#endif /* ARM_NNFUNCTIONS_H */
