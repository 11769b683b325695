# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What every Cortex-M board's build shares. The Makefile has included the board's descriptor (board.properties:
# core, FPU, memory map, interrupt count); this file derives the compiler and linker flags from it. A board's
# board.mk may set, then includes this file:
#   BOARD_BENCH_SOURCES  (optional) its counter and console for the benchmark services (harness/hark_bench_board.h;
#                        the stack and stopping are bench_cortex_m.c's); without them the board builds and runs every
#                        program but the benchmarks and the lean firmware
#   BOARD_DEFINES        (optional) preprocessor definitions its sources need, e.g. peripheral addresses

CORTEX_M_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

CC   := arm-none-eabi-gcc
SIZE := arm-none-eabi-size
OBJCOPY := arm-none-eabi-objcopy

# board.fpu: none (soft-float calling convention), auto (the FPU -mcpu implies, e.g. Helium's on the M55) or
# gcc's -mfpu name.
BOARD_FLOAT_FLAGS := $(if $(filter none,$(board.fpu)),-mfloat-abi=soft,-mfloat-abi=hard \
                     $(if $(filter auto,$(board.fpu)),,-mfpu=$(board.fpu)))
BOARD_CPU_FLAGS   := -mcpu=$(board.cpu) -mthumb $(BOARD_FLOAT_FLAGS)

# The listening harness's sample buffer is the descriptor's (board.listen.buffer.samples), which hark's fit check
# counts too.
BOARD_CFLAGS  := $(BOARD_CPU_FLAGS) -ffunction-sections -fdata-sections -DHARK_BOARD_IRQ_COUNT=$(board.irq.count) \
                 -DHARK_LISTEN_MAX_CHUNK_SAMPLES=$(board.listen.buffer.samples)u -I$(CORTEX_M_DIR) \
                 $(BOARD_DEFINES)
# The memory map of cortex_m.ld, from the descriptor. -L: where the linker finds the script.
BOARD_MEMORY_LDFLAGS := -L$(CORTEX_M_DIR) -Tcortex_m.ld -Wl,--defsym=HARK_FLASH_ORIGIN=$(board.flash.origin) \
                        -Wl,--defsym=HARK_FLASH_SIZE=$(board.flash.size) \
                        -Wl,--defsym=HARK_RAM_ORIGIN=$(board.ram.origin) -Wl,--defsym=HARK_RAM_SIZE=$(board.ram.size) \
                        -Wl,--defsym=STACK_SIZE=$(board.stack.size)
# rdimon.specs: newlib with semihosting syscalls (host file IO, exit status).
# -nostartfiles: startup_cortex_m.c replaces newlib's crt0.
BOARD_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=rdimon.specs -nostartfiles $(BOARD_MEMORY_LDFLAGS) \
                 -Wl,--defsym=HEAP_SIZE=$(board.harness.heap.size) -Wl,--gc-sections
BOARD_SOURCES := $(CORTEX_M_DIR)/startup_cortex_m.c
# hark_file.h for the listening harness: host files through semihosting calls, without newlib's stdio.
BOARD_FILE_SOURCES := $(CORTEX_M_DIR)/hark_file_semihosting.c

# The lean firmware: the start-up code compiled with -DHARK_BOARD_LEAN, no semihosting, newlib-nano for nothing but
# memcpy and memset (a call to anything needing a system call fails the link), and no heap reserved.
# (The flags go through a variable: the commas of -Wl would split $(if)'s arguments.)
CORTEX_M_LEAN_LDFLAGS := $(BOARD_CPU_FLAGS) --specs=nano.specs -nostartfiles $(BOARD_MEMORY_LDFLAGS) \
                         -Wl,--defsym=HEAP_SIZE=0 -Wl,--gc-sections
BOARD_LEAN_LDFLAGS := $(if $(BOARD_BENCH_SOURCES),$(CORTEX_M_LEAN_LDFLAGS))
BOARD_BENCH_SOURCES := $(if $(BOARD_BENCH_SOURCES),$(BOARD_BENCH_SOURCES) $(CORTEX_M_DIR)/bench_cortex_m.c)

# Executables are ELF images for QEMU's -kernel.
EXE_SUFFIX := .elf
