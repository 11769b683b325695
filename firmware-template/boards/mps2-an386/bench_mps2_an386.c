/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) on the MPS2 AN386 image as QEMU emulates it:
 *   - the counter is CMSDK APB timer 0 (0x40000000), counting down at 25 MHz from 0xFFFFFFFF; under
 *     `-icount shift=0` one tick is 40 guest instructions (checked by hark_bench_calibration_ticks);
 *   - the stack is the region the linker script reserves below the top of data SSRAM;
 *   - the console is CMSDK APB UART0 (0x40004000), which QEMU connects to its first serial port (stdout with
 *     -nographic);
 *   - stopping is the start-up code's system reset request, which ends QEMU when it runs with -no-reboot.
 * Plain register accesses only: no semihosting and no C library, so the lean firmware can use all of it.
 */

#include <stdint.h>

#include "hark_bench_board.h"

/* CMSDK APB timer 0. */
#define TIMER0_CTRL (*(volatile uint32_t *)0x40000000u)
#define TIMER0_VALUE (*(volatile uint32_t *)0x40000004u)
#define TIMER0_RELOAD (*(volatile uint32_t *)0x40000008u)
#define TIMER_CTRL_ENABLE 1u

/* 25 MHz timer, one instruction per virtual nanosecond. */
#define INSTRUCTIONS_PER_TICK 40u

/* CMSDK APB UART0. */
#define UART0_DATA (*(volatile uint32_t *)0x40004000u)
#define UART0_STATE (*(volatile uint32_t *)0x40004004u)
#define UART0_CTRL (*(volatile uint32_t *)0x40004008u)
#define UART0_BAUDDIV (*(volatile uint32_t *)0x40004010u)
#define UART_STATE_TX_FULL 1u
#define UART_CTRL_TX_ENABLE 1u
#define UART_SMALLEST_BAUD_DIVISOR 16u

/* startup_mps2_an386.c */
extern void hark_mps2_an386_reset(void) __attribute__((noreturn));

/* Linker script symbols (mps2_an386.ld). */
extern uint32_t __stack_limit__[];
extern uint32_t __stack_top__[];

/* A word that neither code nor data is likely to leave on the stack. */
#define STACK_PAINT 0xC5A5C5A5u

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

uint32_t hark_bench_calibration_ticks(uint32_t *instructions)
{
    /* One subs and one bne per iteration: 2,000,000 instructions, 50,000 ticks. */
    uint32_t iterations = 1000000u;
    *instructions = 2u * iterations;
    const uint32_t start = hark_bench_counter_read();
    __asm__ volatile("1:\n\tsubs %0, %0, #1\n\tbne 1b" : "+r"(iterations) : : "cc");
    return hark_bench_counter_read() - start;
}

void hark_bench_stack_paint(void)
{
    uint32_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    /* volatile: a plain loop may become a call to memset, whose own frame would then be painted over. Nothing
       interrupts the program (no interrupt is enabled), so the words below sp are free. */
    for (volatile uint32_t *word = __stack_limit__; (uintptr_t)word < sp; word++)
    {
        *word = STACK_PAINT;
    }
}

uint32_t hark_bench_stack_peak(void)
{
    const uint32_t *word = __stack_limit__;
    while (word < __stack_top__ && *word == STACK_PAINT)
    {
        word++;
    }
    return (uint32_t)((uintptr_t)__stack_top__ - (uintptr_t)word);
}

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

void hark_bench_stop(void)
{
    hark_mps2_an386_reset();
}
