/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The semihosting calls hark's Cortex-M programs make themselves (Arm "Semihosting for AArch32 and AArch64",
 * version 2): the start-up code (command line, exit, the fault message) and the C library-free file layer of the
 * listening harness (hark_file_semihosting.c). Under QEMU with -semihosting, each reaches the host.
 */

#ifndef HARK_SEMIHOSTING_H
#define HARK_SEMIHOSTING_H

#include <stdint.h>

#define HARK_SEMIHOSTING_SYS_OPEN 0x01
#define HARK_SEMIHOSTING_SYS_CLOSE 0x02
#define HARK_SEMIHOSTING_SYS_WRITE0 0x04
#define HARK_SEMIHOSTING_SYS_WRITE 0x05
#define HARK_SEMIHOSTING_SYS_READ 0x06
#define HARK_SEMIHOSTING_SYS_REMOVE 0x0E
#define HARK_SEMIHOSTING_SYS_RENAME 0x0F
#define HARK_SEMIHOSTING_SYS_GET_CMDLINE 0x15
#define HARK_SEMIHOSTING_SYS_EXIT 0x18

/* SYS_EXIT's reasons: the program ended normally (QEMU exits with status 0), or with an error (status 1). */
#define HARK_SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT 0x20026
#define HARK_SEMIHOSTING_ADP_STOPPED_RUN_TIME_ERROR 0x20023

/* SYS_OPEN's modes: ISO C's "rb" and "wb". */
#define HARK_SEMIHOSTING_OPEN_READ_BINARY 1
#define HARK_SEMIHOSTING_OPEN_WRITE_BINARY 5

/** One semihosting call: the operation in r0, its argument (usually a parameter block) in r1; returns r0. */
static inline int32_t hark_semihosting_call(int32_t operation, void *argument)
{
    register int32_t r0 __asm__("r0") = operation;
    register void *r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

#endif /* HARK_SEMIHOSTING_H */
