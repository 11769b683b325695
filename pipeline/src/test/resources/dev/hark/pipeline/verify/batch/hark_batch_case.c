/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * One case of a batch harness image (hark_batch.mk): a generated network and the one-model harness, unchanged,
 * compiled as one translation unit, so a case costs one compiler run instead of four. The network comes first: its
 * parameters (arena, features) would otherwise shadow the harness's buffers of the same names. The harness's main
 * is renamed; hark_batch.mk gives it the case's name and makes every other symbol local.
 */

#include "hark_network.c"
#include "hark_model_data.c"
#include "hark_text.c"
#include "hark_trace_output.c"

#define main hark_batch_case_main
#include "hark_harness_main.c"
