/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Test fixture: a hand-written stand-in for the generated hark_network.h, with the API the code generator emits.
 * It lets the harness (and hark_gru_s8 on a board) be tested without the generator: a 4-step GRU (3 inputs,
 * 4 hidden units), a fully-connected layer on the last hidden state and a softmax over 3 classes.
 */

#ifndef HARK_NETWORK_H
#define HARK_NETWORK_H

#include <stdint.h>

#include "arm_nn_types.h"

#define HARK_INPUT_SIZE 12 /* 4 frames * 3 features, int8 */
#define HARK_OUTPUT_SIZE 3 /* class probabilities, int8 (scale 1/256, zero point -128) */
#define HARK_LAYER_COUNT 3
#define HARK_ARENA_SIZE 1056 /* GRU scratch, hidden states and logits; see hark_network.c */
#define HARK_ARENA_ALIGNMENT 16

extern const char *const hark_layer_names[HARK_LAYER_COUNT];
extern const int32_t hark_layer_sizes[HARK_LAYER_COUNT];

typedef void (*hark_trace_fn)(int32_t layer, const int8_t *data, int32_t size, void *user);

arm_cmsis_nn_status hark_network_run(int8_t *arena,
                                     const int8_t *features,
                                     int8_t *output,
                                     hark_trace_fn trace,
                                     void *user);

#endif /* HARK_NETWORK_H */
