# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What every Cortex-M board's build shares. A board's board.mk sets, then includes this file:
#   BOARD_CPU_FLAGS      -mcpu, -mthumb and the float ABI of its core
#   BOARD_LINKER_SCRIPT  its memory map, which INCLUDEs cortex_m_sections.ld
#   BOARD_IRQ_COUNT      the external interrupts of its NVIC (the vector table's length)
#   BOARD_BENCH_SOURCES  (optional) its benchmark services (harness/hark_bench_board.h); without them the board
#                        builds and runs every program but the benchmarks and the lean firmware
#   BOARD_DEFINES        (optional) preprocessor definitions its sources need, e.g. peripheral addresses

CORTEX_M_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

CC   := arm-none-eabi-gcc
SIZE := arm-none-eabi-size

BOARD_CFLAGS  := $(BOARD_CPU_FLAGS) -ffunction-sections -fdata-sections -DHARK_BOARD_IRQ_COUNT=$(BOARD_IRQ_COUNT) \
                 $(BOARD_DEFINES)
# rdimon.specs: newlib with semihosting syscalls (host file IO, exit status).
# -nostartfiles: startup_cortex_m.c replaces newlib's crt0. -L: where the linker script's INCLUDE finds the sections.
BOARD_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=rdimon.specs -nostartfiles -L$(CORTEX_M_DIR) -T$(BOARD_LINKER_SCRIPT) \
                 -Wl,--gc-sections
BOARD_SOURCES := $(CORTEX_M_DIR)/startup_cortex_m.c

# The lean firmware: the start-up code compiled with -DHARK_BOARD_LEAN, no semihosting, newlib-nano for nothing but
# memcpy and memset (a call to anything needing a system call fails the link), and no heap reserved.
# (The flags go through a variable: the commas of -Wl would split $(if)'s arguments.)
CORTEX_M_LEAN_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=nano.specs -nostartfiles -L$(CORTEX_M_DIR) \
                         -T$(BOARD_LINKER_SCRIPT) -Wl,--gc-sections -Wl,--defsym=HEAP_SIZE=0
BOARD_LEAN_LDFLAGS := $(if $(BOARD_BENCH_SOURCES),$(CORTEX_M_LEAN_LDFLAGS))

# Executables are ELF images for QEMU's -kernel.
EXE_SUFFIX := .elf
