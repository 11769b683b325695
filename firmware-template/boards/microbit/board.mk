# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the BBC micro:bit beyond its descriptor (board.properties): the benchmark services on the nRF51's
# TIMER0 and UART0 (common/nrf51/bench_nrf51.c). Its 16 KB of RAM hold the network's arena and the test harness's
# buffers only for small networks (the demo's teacher, arena 5 KB and a 4 KB clip, does not fit beside the C
# library's data and the harness's heap and stack). The listening harness, without stdio or heap, fits beside the
# engine's state (about 8 KB) and a small network when its sample buffer is the 10 ms block a microphone driver
# hands over (board.listen.buffer.samples in its descriptor: 320 bytes); the lean firmware fits too.
# Included by the firmware-template Makefile when TARGET=microbit; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/nrf51/bench_nrf51.c $(BOARD_DIR)/../common/cortex-m/bench_calibration.c

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
