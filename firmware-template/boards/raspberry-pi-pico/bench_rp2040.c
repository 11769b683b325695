/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark counter (harness/hark_bench_board.h) of the Pico: the RP2040's 64-bit timer, its low word, counting
 * microseconds (the Cortex-M0+ has no cycle counter), so it counts no instructions. The rest of the services are
 * ../common/cortex-m/bench_board_console.c's (no calibration; the console, UART0 of console_rp2040.c) and
 * bench_cortex_m.c's (the stack and stopping).
 */

#include <stdint.h>

#include "hark_bench_board.h"
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
