# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Board settings for the BBC micro:bit (nRF51822: Cortex-M0, 256 KB flash, 16 KB RAM), run under
# `qemu-system-arm -M microbit`. Its 16 KB of RAM hold the network's arena and the test harness's buffers only for
# small networks: the demo's teacher (arena 5 KB, 4 KB feature and trace buffers each) does not fit with the harness,
# and the listening harness (the front end's state alone is about 7 KB) does not fit at all.
# Included by the firmware-template Makefile when TARGET=microbit; BOARD_DIR is set by the includer.

# Cortex-M0 (Armv6-M): no FPU, no DSP extension, soft-float calling convention.
BOARD_CPU_FLAGS     := -mcpu=cortex-m0 -mthumb -mfloat-abi=soft
BOARD_LINKER_SCRIPT := $(BOARD_DIR)/microbit.ld
BOARD_IRQ_COUNT     := 32
# No benchmark services yet.

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
