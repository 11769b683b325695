/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Start-up code for every Cortex-M board (M0 to M55): the vector table, the C environment and, on the boards QEMU
 * emulates, semihosting. A board's board.mk compiles it with
 *   -DHARK_BOARD_IRQ_COUNT=<n>   the external interrupts its NVIC has (the vector table's length);
 * and links it with -nostartfiles, the linker script cortex_m.ld (with the board's memory map) and newlib's
 * semihosting syscalls (librdimon), so stdio and file IO reach the host and main's return value becomes QEMU's exit
 * status.
 *
 * Reset_Handler does, in order: enable the FPU (when the core has one and the code is built for it), copy .data
 * from its load address, zero .bss, open the semihosting standard streams, run static constructors, read the
 * command line over semihosting into argc/argv, call main and exit(main's value) through newlib, which flushes
 * stdio and ends with the semihosting exit call.
 *
 * Compiled with -DHARK_BOARD_LEAN (the lean firmware, `make listen-lean`), it uses neither semihosting nor the C
 * library's start-up: Reset_Handler enables the FPU, copies .data, zeroes .bss and calls main(void), which never
 * needs to return; a fault, an unexpected interrupt or a return from main requests a system reset (under QEMU with
 * -no-reboot, the end of the run).
 *
 * Compiled with -DHARK_BOARD_NO_STDIO (the listening harness, whose files go through hark_file_semihosting.c), it
 * uses semihosting but not the C library's start-up, stdio or heap: Reset_Handler prepares C, reads the command line
 * and ends with the semihosting exit call, status 0 when main returns 0 and 1 otherwise. Nothing runs static
 * constructors: hark's C has none.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if !defined(HARK_BOARD_LEAN)
/* rename()'s declaration, which every semihosting build defines below; NO_STDIO links none of stdio's code. */
#include <stdio.h>
#include "hark_semihosting.h"
#endif
#if !defined(HARK_BOARD_LEAN) && !defined(HARK_BOARD_NO_STDIO)
#include <stdlib.h>
#endif

/* Linker script symbols (cortex_m.ld). */
extern uint32_t __data_load_start__, __data_start__, __data_end__;
extern uint32_t __bss_start__, __bss_end__;
extern char __heap_start__, __heap_end__;
extern uint32_t __stack_top__;

#if defined(HARK_BOARD_LEAN)
extern int main(void);
#elif defined(HARK_BOARD_NO_STDIO)
extern int main(int argc, char **argv);
#else
/* newlib / librdimon. */
extern void initialise_monitor_handles(void);
extern void __libc_init_array(void);
extern int main(int argc, char **argv);
#endif

void Reset_Handler(void);
void Default_Handler(void);
void NMI_Handler(void) __attribute__((weak, alias("Default_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void MemManage_Handler(void) __attribute__((weak, alias("Default_Handler")));
void BusFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void UsageFault_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SVC_Handler(void) __attribute__((weak, alias("Default_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Default_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Default_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Default_Handler")));

/* The board's external interrupts (UARTs, timers, ...): each gets the default handler but the microphone capture's. */
#if !defined(HARK_BOARD_IRQ_COUNT)
#error "HARK_BOARD_IRQ_COUNT must be defined by the board's board.mk"
#endif

/*
 * The product firmware's microphone driver takes one interrupt (its ADC, DMA stream or PDM peripheral), which the
 * board's board.mk names with -DHARK_BOARD_CAPTURE_IRQ=<n>; the driver defines the handler. Weak, so the programs
 * without the driver (harness, benchmarks) link, and the interrupt, never enabled by them, stays the default.
 */
void hark_board_capture_irq_handler(void) __attribute__((weak, alias("Default_Handler")));

typedef void (*vector_entry)(void);

/* The capture's entry overrides the range's default on purpose. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"

/* Entry 0 is the initial stack pointer, entry 1 the reset vector; QEMU's -kernel reads both from address 0. */
__attribute__((section(".isr_vector"), used)) const vector_entry hark_vector_table[16 + HARK_BOARD_IRQ_COUNT] = {
    (vector_entry)(uintptr_t)&__stack_top__,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    0,
    0,
    0,
    0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    [16 ... 16 + HARK_BOARD_IRQ_COUNT - 1] = Default_Handler,
#if defined(HARK_BOARD_CAPTURE_IRQ)
    [16 + HARK_BOARD_CAPTURE_IRQ] = hark_board_capture_irq_handler,
#endif
};
#pragma GCC diagnostic pop

/* System control block: application interrupt and reset control. */
#define SCB_AIRCR (*(volatile uint32_t *)0xE000ED0Cu)
#define AIRCR_SYSTEM_RESET_REQUEST (0x05FAu << 16 | 1u << 2)

void hark_board_reset(void) __attribute__((noreturn));

/* Requests a system reset; under QEMU with -no-reboot that ends the run (exit status 0). */
void hark_board_reset(void)
{
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = AIRCR_SYSTEM_RESET_REQUEST;
    __asm__ volatile("dsb" ::: "memory");
    for (;;)
    {
    }
}

/* What every program needs before C runs: the FPU enabled, .data copied from its load address, .bss zeroed. */
static void start_c(void)
{
#if defined(__ARM_FP)
    /* CP10 and CP11 full access: the compiler may use the FPU from here on (-mfloat-abi=hard). */
    volatile uint32_t *const cpacr = (volatile uint32_t *)0xE000ED88u;
    *cpacr |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif

    memcpy(&__data_start__,
           &__data_load_start__,
           (size_t)((uintptr_t)&__data_end__ - (uintptr_t)&__data_start__));
    memset(&__bss_start__, 0, (size_t)((uintptr_t)&__bss_end__ - (uintptr_t)&__bss_start__));
}

#if defined(HARK_BOARD_LEAN)

void Default_Handler(void)
{
    hark_board_reset();
}

void Reset_Handler(void)
{
    start_c();
    (void)main();
    hark_board_reset();
}

#else /* semihosting */

/*
 * Any fault or unexpected interrupt ends the emulation with a non-zero status and a message, so a broken firmware
 * fails a test instead of hanging it. Plain semihosting calls only: the C library state may be what broke.
 */
void Default_Handler(void)
{
    hark_semihosting_call(HARK_SEMIHOSTING_SYS_WRITE0, (void *)"hark: fault or unexpected interrupt\n");
    hark_semihosting_call(HARK_SEMIHOSTING_SYS_EXIT, (void *)(uintptr_t)HARK_SEMIHOSTING_ADP_STOPPED_RUN_TIME_ERROR);
    for (;;)
    {
    }
}

#define HARK_MAX_ARGS 8
static char command_line[256];
static char *arguments[HARK_MAX_ARGS + 1];

/*
 * Splits the host's command line (QEMU: the -semihosting-config arg=... values, or the kernel path followed by
 * the -append text) into words separated by spaces. No quoting: file names with spaces are not supported.
 * Returns argc; 0 when the host provides no command line.
 */
static int read_command_line(void)
{
    struct
    {
        char *buffer;
        int32_t length;
    } block = {command_line, (int32_t)sizeof(command_line) - 1};
    if (hark_semihosting_call(HARK_SEMIHOSTING_SYS_GET_CMDLINE, &block) != 0)
    {
        return 0;
    }
    command_line[block.length] = '\0';

    int argc = 0;
    char *cursor = command_line;
    while (*cursor != '\0' && argc < HARK_MAX_ARGS)
    {
        while (*cursor == ' ')
        {
            *cursor++ = '\0';
        }
        if (*cursor == '\0')
        {
            break;
        }
        arguments[argc++] = cursor;
        while (*cursor != '\0' && *cursor != ' ')
        {
            cursor++;
        }
    }
    arguments[argc] = NULL;
    return argc;
}

/*
 * rename() for files on the host. newlib's own rename() is built without HAVE_RENAME for Arm and falls back to
 * link() + unlink(), which semihosting cannot do, so it always fails; the semihosting RENAME call renames directly
 * (on a POSIX host with rename(2), which replaces an existing target). Defining rename() here keeps newlib's
 * version out of the link; the listening harness's hark_file_rename calls it too (hark_file_semihosting.c).
 */
int rename(const char *old_path, const char *new_path)
{
    struct
    {
        const char *old_path;
        int32_t old_length;
        const char *new_path;
        int32_t new_length;
    } block = {old_path, (int32_t)strlen(old_path), new_path, (int32_t)strlen(new_path)};
    return hark_semihosting_call(HARK_SEMIHOSTING_SYS_RENAME, &block) == 0 ? 0 : -1;
}

#if defined(HARK_BOARD_NO_STDIO)

void Reset_Handler(void)
{
    start_c();
    const int argc = read_command_line();
    const int status = main(argc, arguments);
    hark_semihosting_call(HARK_SEMIHOSTING_SYS_EXIT,
                          (void *)(uintptr_t)(status == 0 ? HARK_SEMIHOSTING_ADP_STOPPED_APPLICATION_EXIT
                                                          : HARK_SEMIHOSTING_ADP_STOPPED_RUN_TIME_ERROR));
    for (;;)
    {
    }
}

#else /* newlib's stdio over semihosting */

/*
 * Heap for newlib (stdio buffers): the region the linker script reserves between .bss and the stack. Replaces
 * librdimon's weak _sbrk, which would grow the heap up to the stack pointer instead of a fixed limit.
 */
void *_sbrk(ptrdiff_t increment)
{
    static char *heap_top = &__heap_start__;
    if (increment > &__heap_end__ - heap_top || increment < &__heap_start__ - heap_top)
    {
        return (void *)-1;
    }
    char *previous = heap_top;
    heap_top += increment;
    return previous;
}

/*
 * __libc_init_array and __libc_fini_array call _init and _fini, which gcc's crti.o/crtn.o normally provide; those
 * come with the start files that -nostartfiles drops. Everything to run is in .init_array / .fini_array instead.
 */
void _init(void);
void _fini(void);
void _init(void)
{
}
void _fini(void)
{
}

void Reset_Handler(void)
{
    start_c();
    initialise_monitor_handles();
    __libc_init_array();

    const int argc = read_command_line();
    exit(main(argc, arguments));
}

#endif /* HARK_BOARD_NO_STDIO */
#endif /* HARK_BOARD_LEAN */
