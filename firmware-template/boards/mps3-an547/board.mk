# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Arm MPS3 AN547 image beyond its descriptor (board.properties). Its timer runs at 32 MHz,
# 31.25 instructions a tick under -icount shift=0: not a whole number, so this board has no benchmark services (no
# BOARD_BENCH_SOURCES) until it counts with another clock.
# Included by the firmware-template Makefile when TARGET=mps3-an547; BOARD_DIR is set by the includer.

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
