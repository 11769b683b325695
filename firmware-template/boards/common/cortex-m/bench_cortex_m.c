/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) every Cortex-M board provides the same way; the counter
 * and the console depend on the board's peripherals and live beside them (cmsdk/, stm32f4/):
 *   - the stack is the region the linker script (cortex_m.ld) reserves below the top of RAM;
 *   - stopping is the start-up code's system reset request, which ends QEMU when it runs with -no-reboot (a real
 *     board restarts).
 * Plain memory accesses only: no semihosting and no C library, so the lean firmware can use all of it.
 */

#include <stdint.h>

#include "hark_bench_board.h"

/* startup_cortex_m.c */
extern void hark_board_reset(void) __attribute__((noreturn));

/* Linker script symbols (cortex_m.ld). */
extern uint32_t __stack_limit__[];
extern uint32_t __stack_top__[];

/* A word that neither code nor data is likely to leave on the stack. */
#define STACK_PAINT 0xC5A5C5A5u

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

void hark_bench_stop(void)
{
    hark_board_reset();
}
