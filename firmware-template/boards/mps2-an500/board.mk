# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN500 image (Cortex-M7 with double-precision FPU), run under `qemu-system-arm -M mps2-an500`.
# Included by the firmware-template Makefile when TARGET=mps2-an500; BOARD_DIR is set by the includer.

# Cortex-M7 with the double-precision FPU, hard-float calling convention.
BOARD_CPU_FLAGS := -mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16

include $(BOARD_DIR)/../common/mps2/mps2.mk
