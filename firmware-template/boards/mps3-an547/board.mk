# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Arm MPS3 AN547 image beyond its descriptor (board.properties): the benchmark services on the
# SSE-300's system counter, scaled to count every 125 instructions (common/sse300/bench_sse300_counter.c: its CMSDK
# timers' 32 MHz is 31.25 instructions a tick under -icount shift=0, not a whole number), and CMSDK UART 0 at its
# Secure alias for the console.
# Included by the firmware-template Makefile when TARGET=mps3-an547; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/sse300/bench_sse300_counter.c $(BOARD_DIR)/../common/cmsdk/bench_cmsdk.c \
                       $(BOARD_DIR)/../common/cortex-m/bench_calibration.c
BOARD_DEFINES       := -DHARK_CMSDK_UART0_BASE=0x59303000u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
