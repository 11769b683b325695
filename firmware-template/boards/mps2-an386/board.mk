# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN386 image (Cortex-M4F), run under `qemu-system-arm -M mps2-an386`.
# Included by the firmware-template Makefile when TARGET=mps2-an386; BOARD_DIR is set by the includer.

# Cortex-M4 with the single-precision FPU, hard-float calling convention.
BOARD_CPU_FLAGS := -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16

include $(BOARD_DIR)/../common/mps2/mps2.mk
