/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The six stages of one frame (docs/frontend.md, sections 5 to 10), one function each, composed by
 * hark_frontend_compute_frame(). Each is the C twin of one Java class of dev.hark.sim.frontend and follows its
 * arithmetic step for step; the comments give the Java class.
 */

#ifndef HARK_FRONTEND_STAGES_H
#define HARK_FRONTEND_STAGES_H

#include <stdint.h>

#include "hark_frontend_tables.h"

/*
 * The cores of the Armv7-M and Armv8-M Mainline instruction sets (Cortex-M3, M4, M7, M33, M55) have the
 * 32 x 32 + 64-bit multiply-accumulates (SMLAL, UMLAL), which some stages take in inline assembly; Armv6-M and the
 * host take the same arithmetic in plain C.
 */
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__) || defined(__ARM_ARCH_8M_MAIN__) ||                     \
    defined(__ARM_ARCH_8_1M_MAIN__)
#define HARK_FRONTEND_V7M_INSTRUCTIONS 1
#endif

/**
 * @brief Stage 1 (HannWindow): out[n] = (frame[n] * hann[n] + 2^(WINDOW_SHIFT-1)) >> WINDOW_SHIFT, n < 400.
 *
 * |frame[n] * hann[n]| < 2^30, so int32 holds the product and the rounding term.
 */
void hark_frontend_window(const int16_t frame[HARK_FRONTEND_WINDOW_SAMPLES], int32_t out[HARK_FRONTEND_WINDOW_SAMPLES]);

/**
 * @brief Stage 2 (FixedFft) of a frame: the in-place 512-point radix-2 decimation-in-time FFT of the real input re
 *        (natural order; the imaginary parts are 0, whatever im holds), Q30 twiddles, int64 products rounded back to
 *        int32, no scaling between stages. re and im out in natural order.
 */
void hark_frontend_fft(int32_t re[HARK_FRONTEND_FFT_SIZE], int32_t im[HARK_FRONTEND_FFT_SIZE]);

/**
 * @brief Stage 3 (PowerSpectrum): power[k] = (re[k]^2 + im[k]^2 + 2^(POWER_SHIFT-1)) >> POWER_SHIFT in int64,
 *        k = 0..256.
 */
void hark_frontend_power(const int32_t re[HARK_FRONTEND_FFT_SIZE],
                         const int32_t im[HARK_FRONTEND_FFT_SIZE],
                         int64_t power[HARK_FRONTEND_SPECTRUM_BINS]);

/**
 * @brief Stage 4 (MelFilterbank): the Q15 energy of mel filter `filter` (0..39), the exact int64 sum of its
 *        weights times the power of its bins. In [0, 2^62).
 */
int64_t hark_frontend_mel_energy(const int64_t power[HARK_FRONTEND_SPECTRUM_BINS], int32_t filter);

/**
 * @brief Stage 5 (FixedLog2): log2(u) in Q16 for 1 <= u <= 2^62, by leading-bit position and 16 squarings of the
 *        Q30 mantissa; truncates, so never above the true value.
 */
int32_t hark_frontend_log2_q16(int64_t u);

/**
 * @brief Stage 6 (FeatureQuantizer): clamps a Q16 log2 to [LOG_MIN_Q16, LOG_MAX_Q16] and maps it to its int8 code,
 *        rounding half up.
 */
int8_t hark_frontend_quantize(int32_t log_q16);

#endif /* HARK_FRONTEND_STAGES_H */
