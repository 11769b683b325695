/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: hark_window_push_s8. See hark_nnfunctions.h for the contract.
 */

#include <string.h>

#include "hark_nnfunctions.h"

arm_cmsis_nn_status hark_window_push_s8(int8_t *window, int32_t slot_size, int32_t slots, const int8_t *input)
{
    if (window == NULL || input == NULL || slot_size < 1 || slots < 1)
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
    const size_t kept = (size_t)(slots - 1) * (size_t)slot_size;
    memmove(window, window + slot_size, kept);
    memcpy(window + kept, input, (size_t)slot_size);
    return ARM_CMSIS_NN_SUCCESS;
}
