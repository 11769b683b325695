/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Runs every case of a batch harness image (hark_batch.h) one after another: case <name> reads <name>.in and
 * writes <name>.out in the working directory (through semihosting under QEMU), exactly as the one-model harness
 * reads hark_in.bin and writes hark_out.bin, and its exit status is printed as "<name>: exit status <n>". A case
 * that fails leaves no output and its message on stderr; the others still run, so one bad case costs no batch.
 * Exit status 0 once every case has run.
 */

#include <stdio.h>

#include "hark_batch.h"

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    for (uint32_t i = 0; i < hark_batch_case_count; i++)
    {
        static char program[] = "hark_harness";
        static char in[96];
        static char out[96];
        snprintf(in, sizeof(in), "%s.in", hark_batch_cases[i].name);
        snprintf(out, sizeof(out), "%s.out", hark_batch_cases[i].name);
        char *arguments[] = {program, in, out, NULL};
        const int status = hark_batch_cases[i].run(3, arguments);
        printf("%s: exit status %d\n", hark_batch_cases[i].name, status);
        fflush(stdout);
    }
    return 0;
}
