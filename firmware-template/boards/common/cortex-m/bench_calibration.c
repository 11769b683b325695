/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The calibration loop of the benchmark's emulated boards (harness/hark_bench_board.h): a known number of
 * instructions between two reads of the board's counter, so that every run proves the counter's
 * instructions per tick under QEMU's `-icount shift=0` before any figure is trusted. Linked by the boards whose
 * counter counts instructions (cmsdk/, nrf51/, sse300/); the real boards' cycle counters have no calibration
 * (bench_board_console.c).
 */

#include <stdint.h>

#include "hark_bench_board.h"

uint32_t hark_bench_calibration_ticks(uint32_t *instructions)
{
    /* One subs and one bne per iteration: 2,000,000 instructions. */
    uint32_t iterations = 1000000u;
    *instructions = 2u * iterations;
    const uint32_t start = hark_bench_counter_read();
#if defined(__ARM_ARCH_6M__)
    /* GCC takes a Cortex-M0's inline assembly as divided syntax, in which its 16-bit subs cannot be written: switch
       to unified syntax for the loop (a low register) and back after. */
    __asm__ volatile(".syntax unified\n1:\n\tsubs %0, %0, #1\n\tbne 1b\n\t.syntax divided"
                     : "+l"(iterations)
                     :
                     : "cc");
#else
    __asm__ volatile("1:\n\tsubs %0, %0, #1\n\tbne 1b" : "+r"(iterations) : : "cc");
#endif
    return hark_bench_counter_read() - start;
}
