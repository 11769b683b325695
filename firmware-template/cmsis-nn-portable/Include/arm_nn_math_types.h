/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Portable CMSIS-NN subset: the fixed-point limits CMSIS-NN's Include/arm_nn_math_types.h provides under the same
 * names, and its ARM_MATH_DSP, defined from the compiler's feature macro as CMSIS-NN defines it. The subset is C99
 * and builds for any target; a kernel's DSP-extension path (a few inline instructions) is taken only under
 * ARM_MATH_DSP, with the same results as its plain C.
 */

#ifndef ARM_NN_MATH_TYPES_H
#define ARM_NN_MATH_TYPES_H

#include <limits.h>
#include <stdint.h>
#include <string.h>

#if defined(__ARM_FEATURE_DSP) && (__ARM_FEATURE_DSP == 1)
#ifndef ARM_MATH_DSP
#define ARM_MATH_DSP 1
#endif
#endif

#define NN_Q31_MAX ((int32_t)(0x7FFFFFFFL))
#define NN_Q31_MIN ((int32_t)(-1 - NN_Q31_MAX))
#define NN_Q7_MAX ((int8_t)(0x7F))
#define NN_Q7_MIN ((int8_t)(-128))

#endif /* ARM_NN_MATH_TYPES_H */
