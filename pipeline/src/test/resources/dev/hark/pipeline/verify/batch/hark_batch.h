/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The cases of a batch harness image (hark_batch.mk): each the one-model harness of one generated network, its
 * main renamed; hark_batch_cases.c, written beside the cases, lists them.
 */

#ifndef HARK_BATCH_H
#define HARK_BATCH_H

#include <stdint.h>

/** A case's harness: main(argc, argv) of hark_harness_main.c, reading argv[1] and writing argv[2]. */
typedef int (*hark_batch_entry)(int argc, char **argv);

typedef struct
{
    const char *name;
    hark_batch_entry run;
} hark_batch_case;

extern const hark_batch_case hark_batch_cases[];
extern const uint32_t hark_batch_case_count;

#endif /* HARK_BATCH_H */
