/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark front end, stage 6: the int8 code. See Internal/hark_frontend_stages.h and docs/frontend.md, section 10.
 */

#include "Internal/hark_frontend_stages.h"

int8_t hark_frontend_quantize(int32_t log_q16)
{
    const int64_t steps = (int64_t)INT8_MAX - INT8_MIN;
    const int64_t range = (int64_t)HARK_FRONTEND_LOG_MAX_Q16 - HARK_FRONTEND_LOG_MIN_Q16;
    const int32_t clamped = log_q16 < HARK_FRONTEND_LOG_MIN_Q16   ? HARK_FRONTEND_LOG_MIN_Q16
                            : log_q16 > HARK_FRONTEND_LOG_MAX_Q16 ? HARK_FRONTEND_LOG_MAX_Q16
                                                                  : log_q16;
    /* round_half_up(x * steps / range) as floor((2 x steps + range) / (2 range)); x >= 0, so / is a floor. */
    const int64_t code = ((int64_t)(clamped - HARK_FRONTEND_LOG_MIN_Q16) * 2 * steps + range) / (2 * range);
    return (int8_t)(code + HARK_FRONTEND_FEATURE_ZERO_POINT);
}
