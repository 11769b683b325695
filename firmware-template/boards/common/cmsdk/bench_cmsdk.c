/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) that depend on the peripherals of the boards built from
 * Arm's Cortex-M System Design Kit (the MPS2 and MPS3 FPGA images), as QEMU emulates them: the counter and the
 * console (the stack and stopping are bench_cortex_m.c's). The board's board.mk defines
 *   -DHARK_CMSDK_TIMER0_BASE=<address>  CMSDK APB timer 0
 *   -DHARK_CMSDK_UART0_BASE=<address>   CMSDK APB UART 0
 *   -DHARK_CMSDK_TIMER_HZ=<hz>          the timer's clock: under `-icount shift=0` one tick is 1e9 / hz guest
 *                                       instructions, which must be a whole number (checked at compile time
 *                                       here, and at run time by hark_bench_calibration_ticks)
 * and:
 *   - the counter is timer 0 counting down from 0xFFFFFFFF;
 *   - the console is UART 0, which QEMU connects to its first serial port (stdout with -nographic).
 * A board whose counter is another peripheral (sse300/bench_sse300_counter.c) defines only the UART: this file then
 * provides the console alone.
 * Plain register accesses only: no semihosting and no C library, so the lean firmware can use all of it.
 */

#include <stdint.h>

#include "hark_bench_board.h"

#if !defined(HARK_CMSDK_UART0_BASE)
#error "HARK_CMSDK_UART0_BASE must be defined by the board.mk"
#endif
#if defined(HARK_CMSDK_TIMER0_BASE) && !defined(HARK_CMSDK_TIMER_HZ)
#error "HARK_CMSDK_TIMER_HZ must be defined by the board.mk with HARK_CMSDK_TIMER0_BASE"
#endif

#define REGISTER(base, offset) (*(volatile uint32_t *)((uintptr_t)(base) + (offset)))

#if defined(HARK_CMSDK_TIMER0_BASE)

/* CMSDK APB timer 0. */
#define TIMER0_CTRL REGISTER(HARK_CMSDK_TIMER0_BASE, 0x0u)
#define TIMER0_VALUE REGISTER(HARK_CMSDK_TIMER0_BASE, 0x4u)
#define TIMER0_RELOAD REGISTER(HARK_CMSDK_TIMER0_BASE, 0x8u)
#define TIMER_CTRL_ENABLE 1u

/* One instruction per virtual nanosecond. */
#if 1000000000u % (HARK_CMSDK_TIMER_HZ) != 0
#error "the timer's period is not a whole number of nanoseconds, so ticks do not convert to instructions exactly"
#endif
#define INSTRUCTIONS_PER_TICK (1000000000u / (HARK_CMSDK_TIMER_HZ))

void hark_bench_counter_start(void)
{
    TIMER0_CTRL = 0;
    TIMER0_RELOAD = 0xFFFFFFFFu;
    TIMER0_VALUE = 0xFFFFFFFFu;
    TIMER0_CTRL = TIMER_CTRL_ENABLE;
}

uint32_t hark_bench_counter_read(void)
{
    return 0xFFFFFFFFu - TIMER0_VALUE;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return INSTRUCTIONS_PER_TICK;
}

#endif /* HARK_CMSDK_TIMER0_BASE */

/* CMSDK APB UART 0. */
#define UART0_DATA REGISTER(HARK_CMSDK_UART0_BASE, 0x0u)
#define UART0_STATE REGISTER(HARK_CMSDK_UART0_BASE, 0x4u)
#define UART0_CTRL REGISTER(HARK_CMSDK_UART0_BASE, 0x8u)
#define UART0_BAUDDIV REGISTER(HARK_CMSDK_UART0_BASE, 0x10u)
#define UART_STATE_TX_FULL 1u
#define UART_CTRL_TX_ENABLE 1u
#define UART_SMALLEST_BAUD_DIVISOR 16u

void hark_bench_write(const char *text)
{
    if ((UART0_CTRL & UART_CTRL_TX_ENABLE) == 0)
    {
        UART0_BAUDDIV = UART_SMALLEST_BAUD_DIVISOR;
        UART0_CTRL = UART_CTRL_TX_ENABLE;
    }
    for (; *text != '\0'; text++)
    {
        while ((UART0_STATE & UART_STATE_TX_FULL) != 0)
        {
        }
        UART0_DATA = (uint8_t)*text;
    }
}
