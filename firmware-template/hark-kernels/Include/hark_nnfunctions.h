/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: the glue that CMSIS-NN lacks (activation lookup tables, a transpose, a sliding window and a GRU
 * layer) and kernels for shapes CMSIS-NN runs slowly (a convolution of one input channel).
 *
 * Their arithmetic is CMSIS-NN's: the GRU delegates to CMSIS-NN API calls, the other kernels use its
 * requantization (arm_nn_requantize) and sum in an order that gives the same integers. They therefore build
 * unchanged against hark's portable CMSIS-NN subset or the real library, and inherit its rounding mode. No
 * function allocates memory.
 */

#ifndef HARK_NNFUNCTIONS_H
#define HARK_NNFUNCTIONS_H

#include "arm_nnfunctions.h"
#include "hark_nn_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Evaluates `call`, an expression of type arm_cmsis_nn_status, and returns its status from the enclosing
 *        function unless it is ARM_CMSIS_NN_SUCCESS. Used by the GRU layer and the generated network.
 */
#define HARK_CHECK(call)                                                                                              \
    do                                                                                                                 \
    {                                                                                                                  \
        const arm_cmsis_nn_status hark_status_ = (call);                                                               \
        if (hark_status_ != ARM_CMSIS_NN_SUCCESS)                                                                      \
        {                                                                                                              \
            return hark_status_;                                                                                       \
        }                                                                                                              \
    } while (0)

/**
 * @brief Element-wise table lookup: output[i] = table[input[i] + 128].
 *
 * This is how hark applies int8 activations (sigmoid, tanh, ...): the code generator computes each table from a
 * documented formula and the layer's quantization, and the simulator uses the same table, so both agree by
 * construction. Input and output may be the same buffer.
 *
 * @param[in]  input  Input vector, int8.
 * @param[out] output Output vector, int8.
 * @param[in]  size   Number of elements, >= 0.
 * @param[in]  table  256 entries; entry k holds the result for input value k - 128.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a negative size or a NULL pointer.
 */
arm_cmsis_nn_status hark_lut_s8(const int8_t *input, int8_t *output, int32_t size, const int8_t *table);

/**
 * @brief Matrix transpose: output[c][r] = input[r][c].
 *
 * @param[in]  input  Input matrix, int8, [rows][cols].
 * @param[out] output Output matrix, int8, [cols][rows]; must not overlap the input.
 * @param[in]  rows   Rows of the input, >= 0.
 * @param[in]  cols   Columns of the input, >= 0.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for negative sizes or NULL pointers.
 */
arm_cmsis_nn_status hark_transpose_s8(const int8_t *input, int8_t *output, int32_t rows, int32_t cols);

/** Entries of a hark_softmax_s8() exponential table: one for each difference 0 .. -255 of an int8 entry to its row's
 *  int8 maximum. */
#define HARK_SOFTMAX_EXP_TABLE_SIZE 256

/**
 * @brief The same integers as arm_softmax_s8() (rows of int8 in, int8 out with scale 1/256 and zero point -128),
 *        each entry's exponential read from a table instead of computed twice.
 *
 * The table is what hark_softmax_s8_exp_table() makes of arm_softmax_s8()'s mult, shift and diff_min (the code
 * generator writes it into flash, from the simulator's same arithmetic).
 *
 * @param[in]  input     int8, [num_rows][row_size].
 * @param[in]  num_rows  Rows, >= 0.
 * @param[in]  row_size  Entries a row, >= 1.
 * @param[in]  exp_table HARK_SOFTMAX_EXP_TABLE_SIZE int32: entry k the Q0.31 exponential of the difference -k to
 *                       the row's maximum, 0 below diff_min.
 * @param[out] output    int8, [num_rows][row_size]; may be the input.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a NULL pointer, negative rows or a row size below 1.
 */
arm_cmsis_nn_status hark_softmax_s8(const int8_t *input, int32_t num_rows, int32_t row_size, const int32_t *exp_table,
                                    int8_t *output);

/**
 * @brief The exponential table of hark_softmax_s8() for arm_softmax_s8()'s parameters: entry k is
 *        arm_nn_exp_on_negative_values(arm_nn_doubling_high_mult(-k * 2^shift, mult)) for -k >= diff_min, else 0.
 *
 * @param[in]  mult     Input multiplier (Q31), as arm_softmax_s8() takes it.
 * @param[in]  shift    Input left shift, 0 .. 31.
 * @param[in]  diff_min Smallest difference to the row's maximum that still counts.
 * @param[out] table    HARK_SOFTMAX_EXP_TABLE_SIZE int32.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a NULL table or a shift outside 0 .. 31.
 */
arm_cmsis_nn_status hark_softmax_s8_exp_table(int32_t mult, int32_t shift, int32_t diff_min, int32_t *table);

/**
 * @brief Slides a window of the last `slots` steps by one step: drops the oldest slot, moves the others one slot
 *        towards the front and copies `input` into the last slot.
 *
 * A streaming network keeps what it needs of past steps in such windows (the attention's hidden states and
 * scores, the convolution's feature frames), oldest first, so the kernels that read a window see it in time order.
 *
 * @param[in, out] window    The window, int8, [slots][slot_size], oldest slot first.
 * @param[in]      slot_size Bytes per slot, >= 1.
 * @param[in]      slots     Slots in the window, >= 1.
 * @param[in]      input     The newest slot, slot_size bytes; must not overlap the window.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for sizes below 1 or NULL pointers.
 */
arm_cmsis_nn_status hark_window_push_s8(int8_t *window, int32_t slot_size, int32_t slots, const int8_t *input);

/**
 * @brief The same integers as arm_fully_connected_s8() (same arguments, filter {N = accumulation depth}, output
 *        {C = output rows}), faster on the DSP cores: two input rows by two output rows at a time, the
 *        requantization's parameters read once a call. Needs no scratch.
 *
 * @param[in]  ctx          Not read; may be NULL.
 * @param[in]  fc_params    Input, filter and output offsets, activation clamp.
 * @param[in]  quant_params One multiplier and shift for every output.
 * @param[in]  input_dims   {N = rows of inputs, ...}.
 * @param[in]  input        int8, [N][depth].
 * @param[in]  filter_dims  {N = depth, ...}.
 * @param[in]  filter       int8, [output rows][depth].
 * @param[in]  bias_dims    Not read.
 * @param[in]  bias         int32, [output rows], or NULL for none.
 * @param[in]  output_dims  {C = output rows, ...}.
 * @param[out] output       int8, [N][output rows].
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a NULL pointer, a depth or output size below 1 or
 *         a negative number of rows.
 */
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
                                            int8_t *output);

/**
 * @brief The same integers as arm_fully_connected_s8() on the transpose of the filter: the filter is given as
 *        [depth][output rows], so that a weighted sum over steps (the attention's context, whose filter is the hidden
 *        states of the steps, [steps][hidden]) reads it in place instead of a transposed copy. Needs no scratch.
 *
 * @param[in]  ctx          Not read; may be NULL.
 * @param[in]  fc_params    Input, filter and output offsets, activation clamp.
 * @param[in]  quant_params One multiplier and shift for every output.
 * @param[in]  input_dims   {N = rows of inputs, ...}.
 * @param[in]  input        int8, [N][depth].
 * @param[in]  filter_dims  {N = depth, ...}.
 * @param[in]  filter       int8, [depth][output rows]: element [k][o] is arm_fully_connected_s8()'s [o][k].
 * @param[in]  bias_dims    Not read.
 * @param[in]  bias         int32, [output rows], or NULL for none.
 * @param[in]  output_dims  {C = output rows, ...}.
 * @param[out] output       int8, [N][output rows].
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a NULL pointer, a depth or output size below 1 or
 *         a negative number of rows.
 */
arm_cmsis_nn_status hark_fully_connected_transposed_s8(const cmsis_nn_context *ctx,
                                                       const cmsis_nn_fc_params *fc_params,
                                                       const cmsis_nn_per_tensor_quant_params *quant_params,
                                                       const cmsis_nn_dims *input_dims,
                                                       const int8_t *input,
                                                       const cmsis_nn_dims *filter_dims,
                                                       const int8_t *filter,
                                                       const cmsis_nn_dims *bias_dims,
                                                       const int32_t *bias,
                                                       const cmsis_nn_dims *output_dims,
                                                       int8_t *output);

/**
 * @brief The attention's scores in one pass: the same integers as the energy projection
 *        (arm_fully_connected_s8() of hidden by energy, [steps][hidden_size] -> [steps][energy_size]), hark_lut_s8()
 *        of its outputs by tanh_table, and the score projection (arm_fully_connected_s8() of those by score,
 *        [steps][energy_size] -> [steps][1]), without storing the energies. Needs no scratch.
 *
 * @param[in]  energy      The energy projection: weights [energy_size][hidden_size], bias [energy_size] or NULL.
 * @param[in]  tanh_table  256 entries; entry k is the tanh of the energy k - 128.
 * @param[in]  score       The score projection: weights [energy_size], bias [1] or NULL.
 * @param[in]  steps       Steps, >= 0.
 * @param[in]  hidden_size Hidden values a step, >= 1.
 * @param[in]  energy_size Energies a step, >= 1.
 * @param[in]  hidden      int8, [steps][hidden_size].
 * @param[out] scores      int8, [steps].
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for a NULL pointer (weights included), negative steps or
 *         sizes below 1.
 */
arm_cmsis_nn_status hark_attention_scores_s8(const hark_fc_s8_params *energy, const int8_t *tanh_table,
                                             const hark_fc_s8_params *score, int32_t steps, int32_t hidden_size,
                                             int32_t energy_size, const int8_t *hidden, int8_t *scores);

/**
 * @brief Scratch bytes hark_convolve_1ch_s8() needs: none (it reads the input in place and its filter comes
 *        widened), so 0 for dimensions it takes. Kept so that a caller checks it as it checks every kernel's.
 *
 * @param[in] input_dims  Input dimensions {N, H, W, 1} (W is read).
 * @param[in] filter_dims Filter dimensions {C_OUT, KH, KW, 1}.
 *
 * @return 0, or -1 for invalid or too large dimensions (C_OUT above 1024, KH or KW above 256, W above 65536).
 */
int32_t hark_convolve_1ch_s8_get_buffer_size(const cmsis_nn_dims *input_dims, const cmsis_nn_dims *filter_dims);

/**
 * @brief int16 values of the widened filter hark_convolve_1ch_s8() reads: C_OUT rounded up to even x KH x (KW
 *        rounded up to even).
 *
 * @param[in] filter_dims Filter dimensions {C_OUT, KH, KW, 1}.
 *
 * @return The count, or -1 for invalid or too large dimensions.
 */
int32_t hark_convolve_1ch_s8_widened_filter_size(const cmsis_nn_dims *filter_dims);

/**
 * @brief Widens an int8 filter {C_OUT, KH, KW, 1} into the layout hark_convolve_1ch_s8() reads
 *        (Internal/hark_convolve_1ch_s8_layout.h): int16, the channels in pairs, each kernel row of a pair its taps
 *        in groups of four interleaved as the kernel's input pairs meet them. The code generator writes the same
 *        array into flash; this function is for filters known only at run time (and for the kernel's tests).
 *
 * @param[in]  filter_dims Filter dimensions {C_OUT, KH, KW, 1}.
 * @param[in]  filter      int8 [C_OUT][KH][KW].
 * @param[out] widened     hark_convolve_1ch_s8_widened_filter_size() int16 values.
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR for NULL pointers or dimensions the kernel does not take.
 */
arm_cmsis_nn_status hark_convolve_1ch_s8_widen_filter(const cmsis_nn_dims *filter_dims, const int8_t *filter,
                                                      int16_t *widened);

/**
 * @brief Convolution of a one-channel int8 input, without padding or dilation: the results of
 *        arm_convolve_wrapper_s8() for those shapes, without its im2col copies and without scratch. The filter
 *        is the only argument that differs: widened by hark_convolve_1ch_s8_widen_filter() (or the code
 *        generator), 2.4 times the int8 filter's bytes for KW = 5 and an even C_OUT, in flash.
 *
 * For output channel c at output row oy and column ox:
 *     sum = bias[c] + sum over ky < KH, kx < KW of (input[oy * stride.h + ky][ox * stride.w + kx] + input_offset)
 *                                                   * filter[c][ky][kx]
 *     output[oy][ox][c] = clamp(arm_nn_requantize(sum, multiplier[c], shift[c]) + output_offset, activation)
 * The sum is taken in another order than CMSIS-NN's, which for integers is the same sum. On cores with the DSP
 * extension (ARM_MATH_DSP) four inputs are loaded as one word and widened in registers (SXTB16) and the taps
 * multiplied two at a time (SMLAD), the input offset added to the bias as offset x the sum of the taps once a call;
 * elsewhere in plain C.
 *
 * @param[in]      ctx          Not read (the kernel needs no scratch); may be NULL.
 * @param[in]      conv_params  Offsets, stride (>= 1), padding (must be 0), dilation (must be 1), activation clamp.
 * @param[in]      quant_params Multiplier and shift per output channel.
 * @param[in]      input_dims   {N, H, W, 1}.
 * @param[in]      input        int8 [N][H][W].
 * @param[in]      filter_dims  {C_OUT, KH, KW, 1}.
 * @param[in]      filter       The filter (int8 [C_OUT][KH][KW], symmetric) widened by
 *                              hark_convolve_1ch_s8_widen_filter(), 4-byte aligned.
 * @param[in]      bias_dims    Not read (as in CMSIS-NN).
 * @param[in]      bias         int32 [C_OUT], or NULL for none.
 * @param[in]      output_dims  {N, OH, OW, C_OUT}; every receptive field must lie inside the input.
 * @param[out]     output       int8 [N][OH][OW][C_OUT].
 *
 * @return ARM_CMSIS_NN_SUCCESS, or ARM_CMSIS_NN_ARG_ERROR (output untouched) for NULL pointers or dimensions this
 *         kernel does not take.
 */
arm_cmsis_nn_status hark_convolve_1ch_s8(const cmsis_nn_context *ctx,
                                         const cmsis_nn_conv_params *conv_params,
                                         const cmsis_nn_per_channel_quant_params *quant_params,
                                         const cmsis_nn_dims *input_dims,
                                         const int8_t *input,
                                         const cmsis_nn_dims *filter_dims,
                                         const int16_t *filter,
                                         const cmsis_nn_dims *bias_dims,
                                         const int32_t *bias,
                                         const cmsis_nn_dims *output_dims,
                                         int8_t *output);

/**
 * @brief Scratch bytes hark_gru_s8() needs for a sequence of the given length.
 *
 * @param[in] params GRU parameters (input_size and hidden_size are read).
 * @param[in] steps  Sequence length, >= 1.
 *
 * @return Size in bytes for cmsis_nn_context.size, or -1 for invalid arguments.
 */
int32_t hark_gru_s8_get_buffer_size(const hark_gru_s8_params *params, int32_t steps);

/**
 * @brief Quantized GRU layer (PyTorch semantics) with the arithmetic of CMSIS-NN kernel calls, fused.
 *
 * PyTorch's GRU computes, per time step t,
 *     r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *     z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *     n = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *     h' = (1 - z) * n + z * h
 * and this function does exactly that in int8 with the integers of this composition of CMSIS-NN calls, so the
 * Java simulator can reproduce every intermediate byte:
 *
 * 1. h starts as the carried state, or as all zeros without one; int8 0 is real 0 because h's zero point is 0.
 * 2. For each step t: gx_g = fc(x[t], input_fc[g]) and gh_g = fc(h, hidden_fc[g]) for g = r, z, n;
 *    pre_r = add(gx_r, gh_r, add_r), r = lut(pre_r, sigmoid_r);
 *    pre_z = add(gx_z, gh_z, add_z), z = lut(pre_z, sigmoid_z), zc = lut(pre_z, one_minus_sigmoid_z);
 *    r_hn = mul(r, gh_n, mul_r_hn), pre_n = add(gx_n, r_hn, add_n), n = lut(pre_n, tanh_n);
 *    a = mul(zc, n, mul_zc_n), b = mul(z, h, mul_z_h), h = add(a, b, add_h); output[t] = h.
 *    fc, add and mul are arm_fully_connected_s8(), arm_elementwise_add_s8() and arm_elementwise_mul_s8(), input 1
 *    always being the first-named operand; lut is hark_lut_s8().
 * 3. With a state, the last step's h is copied back into it, so a streaming network can run one step per call.
 *
 * The calls are not made one by one: the hidden units run in blocks; each unit's six dot products are taken in one
 * pass over the step's input and the hidden state (widened to int16 once per step, in the scratch buffer), and the
 * block's gate arithmetic follows, one loop over the block per gate, without vectors of intermediates beyond the
 * block (which live on the stack). The additions take the scaling of their
 * inputs from the tables add_r_inputs, add_z_inputs, add_n_inputs and add_h_inputs (see hark_gru_s8_params): eight
 * requantizations of an int8 value each unit and step become eight loads. On cores with the DSP extension
 * (ARM_MATH_DSP) the dot products use SMLAD, two multiply-accumulates per instruction; on the matrices widened to
 * int16 (input_weights_wide, hidden_weights_wide, as the code generator writes them) without a sign extension per
 * pair of weights.
 *
 * Why this shape: the update h' = (1 - z) * n + z * h is two products and a sum so that every step is an existing
 * CMSIS-NN operation with its own requantization. 1 - z comes from its own table (one_minus_sigmoid_z, indexed by
 * the same pre_z) rather than from a subtraction, because CMSIS-NN has no subtraction kernel and the table is
 * exact for free.
 *
 * @param[in, out] ctx    Scratch memory of hark_gru_s8_get_buffer_size(params, steps) bytes; contents need not be
 *                        initialised. The output must not overlap it.
 * @param[in]      params GRU parameters.
 * @param[in]      steps  Sequence length, >= 1.
 * @param[in]      input  Input sequence, int8, [steps][input_size].
 * @param[in, out] state  Hidden state carried between calls, int8, [hidden_size]: read as h_0 and overwritten with
 *                        the last step's h. NULL starts from h_0 = 0 and keeps nothing. It may be the output
 *                        itself when steps is 1; it must not overlap the input or the scratch.
 * @param[out]     output Hidden state after every step, int8, [steps][hidden_size] (zero point 0).
 *
 * @return ARM_CMSIS_NN_SUCCESS; ARM_CMSIS_NN_ARG_ERROR (output untouched) for NULL pointers, tables included
 *         (biases may be NULL; a projection's int8 weights may be NULL where all three of its matrices are widened,
 *         and one or two widened matrices of three are refused), non-positive sizes, a scratch buffer that is NULL or smaller than hark_gru_s8_get_buffer_size(), a
 *         non-zero filter offset, or input (or hidden) projections whose input offsets differ.
 */
arm_cmsis_nn_status hark_gru_s8(const cmsis_nn_context *ctx,
                                const hark_gru_s8_params *params,
                                int32_t steps,
                                const int8_t *input,
                                int8_t *state,
                                int8_t *output);

#ifdef __cplusplus
}
#endif

#endif /* HARK_NNFUNCTIONS_H */
