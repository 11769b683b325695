/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) every real board shares beside its counter
 * (bench_dwt.c's cycle counter, or a board's own timer): the counter counts cycles or time, not instructions, so there
 * is no calibration, and the console is the board's product console (hark_board_console_write, product/hark_board.h).
 */

#include <stdint.h>

#include "hark_bench_board.h"
#include "hark_board.h"

uint32_t hark_bench_instructions_per_tick(void)
{
    return 0; /* cycles or microseconds, not instructions */
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
