/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) of a real board with an Armv7-M or Armv8-M core: the
 * counter is the core's cycle counter (DWT CYCCNT), the console the board's product console
 * (hark_board_console_write, product/hark_board.h); the stack and stopping are bench_cortex_m.c's. Cycles, not
 * instructions, so hark_bench_instructions_per_tick() is 0 (QEMU does not model the counter: the benchmarks are
 * measured on the MPS2 boards).
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_board.h"
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

uint32_t hark_bench_instructions_per_tick(void)
{
    return 0; /* cycles, not instructions */
}

uint32_t hark_bench_calibration_ticks(uint32_t *instructions)
{
    *instructions = 0;
    return 0;
}

void hark_bench_write(const char *text)
{
    hark_board_console_write(text);
}
