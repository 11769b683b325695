# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN500 image (Cortex-M7 with double-precision FPU), run under `qemu-system-arm -M
# mps2-an500`.
# Included by the firmware-template Makefile when TARGET=mps2-an500; BOARD_DIR is set by the includer.

# Cortex-M7 with the double-precision FPU, hard-float calling convention.
BOARD_CPU_FLAGS     := -mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16
BOARD_LINKER_SCRIPT := $(BOARD_DIR)/mps2_an500.ld
BOARD_IRQ_COUNT     := 32
# CMSDK timer 0 and UART 0; the timer runs at the 25 MHz system clock.
BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/cmsdk/bench_cmsdk.c
BOARD_DEFINES       := -DHARK_CMSDK_TIMER0_BASE=0x40000000u -DHARK_CMSDK_UART0_BASE=0x40004000u \
                       -DHARK_CMSDK_TIMER_HZ=25000000u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
