/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Test fixture: constants of the stand-in network (see hark_network.c).
 */

#ifndef HARK_MODEL_DATA_H
#define HARK_MODEL_DATA_H

#include <stdint.h>

extern const int8_t fake_w_ir[12];
extern const int32_t fake_b_ir[4];
extern const int8_t fake_w_hr[16];
extern const int32_t fake_b_hr[4];
extern const int8_t fake_w_iz[12];
extern const int32_t fake_b_iz[4];
extern const int8_t fake_w_hz[16];
extern const int32_t fake_b_hz[4];
extern const int8_t fake_w_in[12];
extern const int32_t fake_b_in[4];
extern const int8_t fake_w_hn[16];
extern const int32_t fake_b_hn[4];
extern const int8_t fake_w_fc[12];
extern const int32_t fake_b_fc[3];
extern const int8_t fake_sigmoid[256];
extern const int8_t fake_one_minus_sigmoid[256];
extern const int8_t fake_tanh[256];

#endif /* HARK_MODEL_DATA_H */
