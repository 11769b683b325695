/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_lut_s8. See hark_nnfunctions.h for the contract.
 */

#include "hark_nnfunctions.h"

arm_cmsis_nn_status hark_lut_s8(const int8_t *input, int8_t *output, int32_t size, const int8_t *table)
{
    if (input == NULL || output == NULL || table == NULL || size < 0)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    for (int32_t i = 0; i < size; i++)
    {
        output[i] = table[(int32_t)input[i] + 128];
    }
    return ARM_CMSIS_NN_SUCCESS;
}
