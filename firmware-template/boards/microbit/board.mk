# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the BBC micro:bit beyond its descriptor (board.properties): the benchmark services on the nRF51's
# TIMER0 and UART0 (common/nrf51/bench_nrf51.c). Its 16 KB of RAM hold the network's arena and the test harness's
# buffers only for small networks (the demo's teacher, arena 5 KB and a 4 KB clip, does not fit beside the C
# library's data and the harness's heap and stack), and the listening harness (the engine's state alone is about
# 8 KB, its heap 3 KB) does not fit at all; the lean firmware, with neither heap nor C library, does.
# Included by the firmware-template Makefile when TARGET=microbit; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/nrf51/bench_nrf51.c $(BOARD_DIR)/../common/cortex-m/bench_calibration.c

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
