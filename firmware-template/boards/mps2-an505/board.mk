# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN505 image (Cortex-M33 with FPU and TrustZone; hark runs in the Secure state it
# starts in), run under `qemu-system-arm -M mps2-an505`.
# Included by the firmware-template Makefile when TARGET=mps2-an505; BOARD_DIR is set by the includer.

# Cortex-M33 with the single-precision FPU and the DSP extension, hard-float calling convention.
BOARD_CPU_FLAGS     := -mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16
BOARD_LINKER_SCRIPT := $(BOARD_DIR)/mps2_an505.ld
BOARD_IRQ_COUNT     := 92
# CMSDK timer 0 and UART 0 (Secure aliases); the timer runs at the 20 MHz system clock.
BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/cmsdk/bench_cmsdk.c
BOARD_DEFINES       := -DHARK_CMSDK_TIMER0_BASE=0x50000000u -DHARK_CMSDK_UART0_BASE=0x50200000u \
                       -DHARK_CMSDK_TIMER_HZ=20000000u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
