/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services on the host (hark_bench_board.h): nothing is counted and no stack is measured, so
 * the benchmark programs run natively only to check what they compute, never what it costs.
 */

#include "hark_bench_board.h"

#include <stdio.h>
#include <stdlib.h>

void hark_bench_counter_start(void)
{
}

uint32_t hark_bench_counter_read(void)
{
    return 0;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return 0;
}

uint32_t hark_bench_calibration_ticks(uint32_t *instructions)
{
    *instructions = 0;
    return 0;
}

void hark_bench_stack_paint(void)
{
}

uint32_t hark_bench_stack_peak(void)
{
    return 0;
}

void hark_bench_write(const char *text)
{
    fputs(text, stdout);
}

void hark_bench_stop(void)
{
    exit(0);
}
