/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_transpose_s8. See hark_nnfunctions.h for the contract.
 */

#include "hark_nnfunctions.h"

arm_cmsis_nn_status hark_transpose_s8(const int8_t *input, int8_t *output, int32_t rows, int32_t cols)
{
    if (input == NULL || output == NULL || rows < 0 || cols < 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    for (int32_t r = 0; r < rows; r++)
    {
        for (int32_t c = 0; c < cols; c++)
        {
            output[c * rows + r] = input[r * cols + c];
        }
    }
    return ARM_CMSIS_NN_SUCCESS;
}
