/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) of the Pico that depend on its peripherals: the
 * counter is the RP2040's 64-bit timer, its low word, counting microseconds (the Cortex-M0+ has no cycle counter),
 * so it counts no instructions; the console is UART0 (console_rp2040.c). The stack and stopping are
 * bench_cortex_m.c's.
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_board.h"
#include "rp2040.h"

#define TIMER_TIMERAWL HARK_REGISTER(0x40054000u, 0x28u)

void hark_bench_counter_start(void)
{
    rp2040_clock_start();
    rp2040_unreset(RESET_TIMER);
}

uint32_t hark_bench_counter_read(void)
{
    return TIMER_TIMERAWL;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return 0; /* microseconds, not instructions */
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
