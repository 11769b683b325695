# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS3 AN547 image (Cortex-M55 with FPU and Helium), run under `qemu-system-arm -M
# mps3-an547`.
# Included by the firmware-template Makefile when TARGET=mps3-an547; BOARD_DIR is set by the includer.

# Cortex-M55 with the FPU and the M-profile vector extension (Helium), hard-float calling convention.
BOARD_CPU_FLAGS     := -mcpu=cortex-m55 -mthumb -mfloat-abi=hard
BOARD_LINKER_SCRIPT := $(BOARD_DIR)/mps3_an547.ld
BOARD_IRQ_COUNT     := 96
# The timer runs at 32 MHz, 31.25 instructions a tick under -icount shift=0: not a whole number, so this board has
# no benchmark services (no BOARD_BENCH_SOURCES) until it counts with another clock.
include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
