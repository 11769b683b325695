# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the Arm MPS2 AN385 image (Cortex-M3, no FPU), run under `qemu-system-arm -M mps2-an385`.
# Included by the firmware-template Makefile when TARGET=mps2-an385; BOARD_DIR is set by the includer.

# Cortex-M3: no FPU, soft-float calling convention.
BOARD_CPU_FLAGS := -mcpu=cortex-m3 -mthumb -mfloat-abi=soft

include $(BOARD_DIR)/../common/mps2/mps2.mk
