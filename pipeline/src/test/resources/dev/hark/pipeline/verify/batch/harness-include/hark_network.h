/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What hark_harness_main.c finds as "hark_network.h" in a batch unit (hark_batch.mk): each case's own generated
 * header is included first, with its network, so this file only checks that it was.
 */

#ifndef HARK_NETWORK_H
#error "a batch unit includes each case's hark_network.c before hark_harness_main.c"
#endif
