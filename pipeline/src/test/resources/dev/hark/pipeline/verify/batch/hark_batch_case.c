/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * One case of a batch harness image (hark_batch.mk): a generated network and the one-model harness's main,
 * unchanged, compiled as one translation unit, so a case costs one compiler run instead of three. The network comes
 * first: its parameters (arena, features) would otherwise shadow the harness's buffers of the same names. The
 * harness's main is renamed; hark_batch.mk gives it the case's name and makes every other symbol local. The rest of
 * the harness (hark_harness_run.c, file IO, trace output) depends on no network: it is compiled once per target and
 * rounding with the kernels, and every case of every batch links those objects, as the one-model harness does.
 */

#include "hark_network.c"
#include "hark_model_data.c"

#define main hark_batch_case_main
#include "hark_harness_main.c"
