# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Netduino Plus 2 (STM32F405RG: Cortex-M4F, 1 MB flash, 128 KB SRAM), run under
# `qemu-system-arm -M netduinoplus2`: the same microcontroller family as the STM32F4 boards.
# Included by the firmware-template Makefile when TARGET=netduinoplus2; BOARD_DIR is set by the includer.

# Cortex-M4 with the single-precision FPU, hard-float calling convention.
BOARD_CPU_FLAGS     := -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16
BOARD_LINKER_SCRIPT := $(BOARD_DIR)/netduinoplus2.ld
BOARD_IRQ_COUNT     := 82
# No benchmark services yet: QEMU's STM32F4 timers are not calibrated against -icount here.
# The listening harness takes chunks of up to 1 s (32 KB of its 128 KB of SRAM) instead of 10 s.
BOARD_DEFINES       := -DHARK_LISTEN_MAX_CHUNK_SAMPLES=16000u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
