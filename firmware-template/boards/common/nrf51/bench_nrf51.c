/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) on the Nordic nRF51's peripherals, as QEMU's microbit
 * machine emulates them: the counter and the console (the stack and stopping are bench_cortex_m.c's). Register
 * offsets are the nRF51 Series Reference Manual's (v3.0, TIMER and UART chapters).
 *   - the counter is TIMER0 in 32-bit timer mode with prescaler 1: 16 MHz / 2 = 8 MHz, so under
 *     `-icount shift=0` (one instruction per virtual nanosecond) a tick is 125 instructions. The count is read by
 *     the CAPTURE[0] task into CC[0];
 *   - the console is UART0, which QEMU connects to its first serial port; each byte waits for TXDRDY.
 * Plain register accesses only: no semihosting and no C library, so the lean firmware can use all of it.
 */

#include <stdint.h>

#include "hark_bench_board.h"

#define REGISTER(base, offset) (*(volatile uint32_t *)((uintptr_t)(base) + (offset)))

#define TIMER0_BASE 0x40008000u
#define TIMER0_TASKS_START REGISTER(TIMER0_BASE, 0x000u)
#define TIMER0_TASKS_STOP REGISTER(TIMER0_BASE, 0x004u)
#define TIMER0_TASKS_CLEAR REGISTER(TIMER0_BASE, 0x00Cu)
#define TIMER0_TASKS_CAPTURE0 REGISTER(TIMER0_BASE, 0x040u)
#define TIMER0_MODE REGISTER(TIMER0_BASE, 0x504u)
#define TIMER0_BITMODE REGISTER(TIMER0_BASE, 0x508u)
#define TIMER0_PRESCALER REGISTER(TIMER0_BASE, 0x510u)
#define TIMER0_CC0 REGISTER(TIMER0_BASE, 0x540u)
#define TIMER_MODE_TIMER 0u
#define TIMER_BITMODE_32 3u
#define TIMER_PRESCALER 1u
#define TIMER_BASE_HZ 16000000u
#define TASK_TRIGGER 1u

/* One instruction per virtual nanosecond. */
#define INSTRUCTIONS_PER_TICK (1000000000u / (TIMER_BASE_HZ >> TIMER_PRESCALER))

#define UART0_BASE 0x40002000u
#define UART0_TASKS_STARTTX REGISTER(UART0_BASE, 0x008u)
#define UART0_EVENTS_TXDRDY REGISTER(UART0_BASE, 0x11Cu)
#define UART0_ENABLE REGISTER(UART0_BASE, 0x500u)
#define UART0_TXD REGISTER(UART0_BASE, 0x51Cu)
#define UART_ENABLED 4u

void hark_bench_counter_start(void)
{
    TIMER0_TASKS_STOP = TASK_TRIGGER;
    TIMER0_MODE = TIMER_MODE_TIMER;
    TIMER0_BITMODE = TIMER_BITMODE_32;
    TIMER0_PRESCALER = TIMER_PRESCALER;
    TIMER0_TASKS_CLEAR = TASK_TRIGGER;
    TIMER0_TASKS_START = TASK_TRIGGER;
}

uint32_t hark_bench_counter_read(void)
{
    TIMER0_TASKS_CAPTURE0 = TASK_TRIGGER;
    return TIMER0_CC0;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return INSTRUCTIONS_PER_TICK;
}

void hark_bench_write(const char *text)
{
    if (UART0_ENABLE != UART_ENABLED)
    {
        UART0_ENABLE = UART_ENABLED;
        UART0_TASKS_STARTTX = TASK_TRIGGER;
    }
    for (; *text != '\0'; text++)
    {
        UART0_EVENTS_TXDRDY = 0;
        UART0_TXD = (uint8_t)*text;
        while (UART0_EVENTS_TXDRDY == 0)
        {
        }
    }
}
