/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark kernels: whether the core has the Armv7E-M / Armv8-M DSP extension, as ARM_MATH_DSP, the macro CMSIS-NN and
 * CMSIS-DSP take their DSP paths under. It is defined here from the compiler's own feature macro exactly as those
 * libraries define it (a build may also define it itself), so the hark kernels choose the same path whether they
 * are built against the portable subset or the real library (Internal/hark_dsp.h), and a generated network holds
 * its GRU matrices in the form the kernel reads on that core (hark_nn_types.h).
 */

#ifndef HARK_NN_DSP_H
#define HARK_NN_DSP_H

#if defined(__ARM_FEATURE_DSP) && (__ARM_FEATURE_DSP == 1)
#ifndef ARM_MATH_DSP
#define ARM_MATH_DSP 1
#endif
#endif

#endif /* HARK_NN_DSP_H */
