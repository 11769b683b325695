/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: the public structs and the status enum, with the names, field order and meaning of
 * ARM-software/CMSIS-NN's Include/arm_nn_types.h, restricted to what the implemented kernels take. Code written
 * against this header compiles unchanged against the real library.
 */

#ifndef ARM_NN_TYPES_H
#define ARM_NN_TYPES_H

#include <stdbool.h>
#include <stdint.h>

/** Function return codes. */
typedef enum
{
    ARM_CMSIS_NN_SUCCESS = 0,        /**< No error */
    ARM_CMSIS_NN_ARG_ERROR = -1,     /**< One or more arguments are incorrect */
    ARM_CMSIS_NN_NO_IMPL_ERROR = -2, /**< No implementation available */
    ARM_CMSIS_NN_FAILURE = -3,       /**< Logical error */
} arm_cmsis_nn_status;

/** Width and height of a tile (stride, padding, dilation). */
typedef struct
{
    int32_t w; /**< Width */
    int32_t h; /**< Height */
} cmsis_nn_tile;

/** Function context: scratch memory owned by the caller, sized by the kernel's *_get_buffer_size(). */
typedef struct
{
    void *buf;    /**< Scratch buffer, or NULL when the kernel needs none */
    int32_t size; /**< Size of buf in bytes */
} cmsis_nn_context;

/** Tensor dimensions. The meaning of n depends on the tensor: batches, output channels or accumulation depth. */
typedef struct
{
    int32_t n; /**< Batches, output channels (conv filter) or accumulation depth (fully-connected filter) */
    int32_t h; /**< Height */
    int32_t w; /**< Width */
    int32_t c; /**< Channels */
} cmsis_nn_dims;

/** Per-channel requantization: one multiplier and shift per output channel. */
typedef struct
{
    int32_t *multiplier; /**< Q31 multipliers in [2^30, 2^31) */
    int32_t *shift;      /**< Shifts in [-31, 30]; positive means left */
} cmsis_nn_per_channel_quant_params;

/** Per-tensor requantization: one multiplier and shift for the whole output tensor. */
typedef struct
{
    int32_t multiplier; /**< Q31 multiplier in [2^30, 2^31) */
    int32_t shift;      /**< Shift in [-31, 30]; positive means left */
} cmsis_nn_per_tensor_quant_params;

/** Output clamp (fused activation). */
typedef struct
{
    int32_t min; /**< Min value used to clamp the result */
    int32_t max; /**< Max value used to clamp the result */
} cmsis_nn_activation;

/** Convolution layer parameters. */
typedef struct
{
    int32_t input_offset;  /**< Added to every input value: the negative of the input zero point */
    int32_t output_offset; /**< Added after requantization: the output zero point (TFLite Micro convention) */
    cmsis_nn_tile stride;
    cmsis_nn_tile padding; /**< Top/left padding; bottom/right padding is implied by the output dimensions */
    cmsis_nn_tile dilation;
    cmsis_nn_activation activation;
} cmsis_nn_conv_params;

/** Fully-connected layer parameters. */
typedef struct
{
    int32_t input_offset;  /**< Added to every input value: the negative of the input zero point */
    int32_t filter_offset; /**< The negative of the filter zero point; 0 for symmetric int8 weights */
    int32_t output_offset; /**< Added after requantization: the output zero point (TFLite Micro convention) */
    cmsis_nn_activation activation;
} cmsis_nn_fc_params;

#endif /* ARM_NN_TYPES_H */
