/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark counter (harness/hark_bench_board.h) of the boards built on Arm's SSE-300 subsystem (the MPS3
 * AN547 image), as QEMU emulates it: the subsystem's system counter, whose control frame's Secure alias is at
 * 0x58100000. Its CMSDK timers run at the 32 MHz main clock, 31.25 ns a tick, which is not a whole number of
 * instructions under `-icount shift=0` (one instruction per virtual nanosecond). The system counter adds its scale
 * register (CNTSCR, 8.24 fixed point) to its count each clock instead of 1, so a scale of 1/4 makes it count once
 * every 4 clocks: every 125 ns, 125 instructions.
 * The console is the CMSDK UART's (cmsdk/bench_cmsdk.c, built without a CMSDK timer).
 */

#include <stdint.h>

#include "hark_bench_board.h"

#define REGISTER(base, offset) (*(volatile uint32_t *)((uintptr_t)(base) + (offset)))

#define COUNTER_BASE 0x58100000u
#define COUNTER_CNTCR REGISTER(COUNTER_BASE, 0x000u)
#define COUNTER_CNTCV_LO REGISTER(COUNTER_BASE, 0x008u)
#define COUNTER_CNTCV_HI REGISTER(COUNTER_BASE, 0x00Cu)
#define COUNTER_CNTSCR REGISTER(COUNTER_BASE, 0x010u)
#define CNTCR_EN 1u
#define CNTCR_SCEN 4u
#define MAIN_CLOCK_HZ 32000000u
#define CLOCKS_PER_COUNT 4u
#define SCALE_ONE 0x01000000u /* 1.0 in 8.24 fixed point */

#define INSTRUCTIONS_PER_TICK (1000000000u / (MAIN_CLOCK_HZ / CLOCKS_PER_COUNT))

void hark_bench_counter_start(void)
{
    /* The scale may only change while the counter is stopped. */
    COUNTER_CNTCR = 0;
    COUNTER_CNTSCR = SCALE_ONE / CLOCKS_PER_COUNT;
    COUNTER_CNTCV_HI = 0;
    COUNTER_CNTCV_LO = 0;
    COUNTER_CNTCR = CNTCR_EN | CNTCR_SCEN;
}

uint32_t hark_bench_counter_read(void)
{
    return COUNTER_CNTCV_LO;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return INSTRUCTIONS_PER_TICK;
}
