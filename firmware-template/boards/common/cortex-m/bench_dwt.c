/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark counter (harness/hark_bench_board.h) of a real board with an Armv7-M or Armv8-M core: the core's
 * cycle counter (DWT CYCCNT). Cycles, not instructions (QEMU does not model the counter: the benchmarks are measured
 * on the MPS2 boards); the rest of the services are bench_board_console.c's (no calibration, the product console)
 * and bench_cortex_m.c's (the stack and stopping).
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_mmio.h"

/* The debug block's cycle counter (Armv7-M: DEMCR.TRCENA enables DWT; DWT_CTRL.CYCCNTENA starts it). */
#define DEMCR HARK_REGISTER(0xE000EDFCu, 0u)
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL HARK_REGISTER(0xE0001000u, 0x0u)
#define DWT_CYCCNT HARK_REGISTER(0xE0001000u, 0x4u)
#define DWT_CTRL_CYCCNTENA 1u

void hark_bench_counter_start(void)
{
    DEMCR |= DEMCR_TRCENA;
    DWT_CYCCNT = 0;
    DWT_CTRL |= DWT_CTRL_CYCCNTENA;
}

uint32_t hark_bench_counter_read(void)
{
    return DWT_CYCCNT;
}
