/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What the benchmark programs need from the board they run on: a counter to measure work with, a painted stack to
 * measure its peak, and for the lean firmware a way to print its result and stop without semihosting or stdio.
 * Each board implements it in boards/<name>/ (its board.mk names the file in BOARD_BENCH_SOURCES); the host's
 * version, harness/hark_bench_board_host.c, counts nothing, so the programs run natively only to check their logic.
 *
 * On mps2-an386 under `qemu-system-arm -icount shift=0` the counter counts instructions: QEMU's virtual clock
 * advances one nanosecond per guest instruction and the board timer ticks at 25 MHz, so one tick is 40 executed
 * instructions. Instructions, not cycles: QEMU has no cycle model (a Cortex-M4 takes more cycles than
 * instructions, e.g. for loads, taken branches and long multiplies).
 */

#ifndef HARK_BENCH_BOARD_H
#define HARK_BENCH_BOARD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Starts the free-running counter: hark_bench_counter_read() counts from here. */
void hark_bench_counter_start(void);

/** Ticks since hark_bench_counter_start(), modulo 2^32: the difference of two reads is exact up to 2^32 ticks. */
uint32_t hark_bench_counter_read(void);

/** Instructions per tick under the emulation the board's programs are measured in; 0 when the counter counts none. */
uint32_t hark_bench_instructions_per_tick(void);

/**
 * Runs a loop of a known number of instructions and returns the ticks it took, so a run can prove that its counter
 * counts instructions (ticks * instructions per tick = *instructions, within one tick).
 *
 * @param[out] instructions the loop's instruction count (0 on the host, which has no such loop)
 */
uint32_t hark_bench_calibration_ticks(uint32_t *instructions);

/** Fills the stack below the caller's frame, down to the stack's limit, with a pattern. */
void hark_bench_stack_paint(void);

/**
 * Bytes from the top of the stack down to the deepest word changed since hark_bench_stack_paint(): the peak stack
 * of everything that ran, the frames above the painting call included. The stack's whole size means it overflowed
 * (or at least filled up); 0 means the board cannot tell (host).
 */
uint32_t hark_bench_stack_peak(void);

/** Writes text where the board's console is (a UART on boards); no formatting, no buffering. */
void hark_bench_write(const char *text);

/** Ends the program: on a board under QEMU run with -no-reboot, by a system reset request, which ends QEMU. */
void hark_bench_stop(void) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif /* HARK_BENCH_BOARD_H */
