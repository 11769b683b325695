# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN386 image (Cortex-M4F), run under `qemu-system-arm -M mps2-an386`.
# Included by the firmware-template Makefile when TARGET=mps2-an386; BOARD_DIR is set by the includer.

CC   := arm-none-eabi-gcc
SIZE := arm-none-eabi-size

# Cortex-M4 with the single-precision FPU, hard-float calling convention.
BOARD_CPU_FLAGS := -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16

BOARD_CFLAGS  := $(BOARD_CPU_FLAGS) -ffunction-sections -fdata-sections
# rdimon.specs: newlib with semihosting syscalls (host file IO, exit status).
# -nostartfiles: our startup code replaces newlib's crt0 (see startup_mps2_an386.c).
BOARD_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=rdimon.specs -nostartfiles -T$(BOARD_DIR)/mps2_an386.ld \
                 -Wl,--gc-sections
BOARD_SOURCES := $(BOARD_DIR)/startup_mps2_an386.c

# The benchmark programs' board services (harness/hark_bench_board.h): timer, painted stack, UART, reset.
BOARD_BENCH_SOURCES := $(BOARD_DIR)/bench_mps2_an386.c
# The lean firmware: the start-up code compiled with -DHARK_BOARD_LEAN, no semihosting, newlib-nano for nothing but
# memcpy and memset (a call to anything needing a system call fails the link), and no heap reserved.
BOARD_LEAN_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=nano.specs -nostartfiles -T$(BOARD_DIR)/mps2_an386.ld \
                      -Wl,--gc-sections -Wl,--defsym=HEAP_SIZE=0

# Executables are ELF images for QEMU's -kernel.
EXE_SUFFIX := .elf
