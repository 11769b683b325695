/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: the fixed-point limits CMSIS-NN's Include/arm_nn_math_types.h provides under the same
 * names. No compiler intrinsics: this subset is plain C99 and builds for any target.
 */

#ifndef ARM_NN_MATH_TYPES_H
#define ARM_NN_MATH_TYPES_H

#include <limits.h>
#include <stdint.h>
#include <string.h>

#define NN_Q31_MAX ((int32_t)(0x7FFFFFFFL))
#define NN_Q31_MIN ((int32_t)(-1 - NN_Q31_MAX))
#define NN_Q7_MAX ((int8_t)(0x7F))
#define NN_Q7_MIN ((int8_t)(-128))

#endif /* ARM_NN_MATH_TYPES_H */
