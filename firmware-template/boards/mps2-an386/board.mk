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

# Executables are ELF images for QEMU's -kernel.
EXE_SUFFIX := .elf
