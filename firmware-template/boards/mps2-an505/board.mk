# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Arm MPS2 AN505 image beyond its descriptor (board.properties): CMSDK timer 0 and UART 0 at
# their Secure aliases, the timer on the system clock.
# Included by the firmware-template Makefile when TARGET=mps2-an505; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES := $(BOARD_DIR)/../common/cmsdk/bench_cmsdk.c $(BOARD_DIR)/../common/cortex-m/bench_calibration.c
BOARD_DEFINES       := -DHARK_CMSDK_TIMER0_BASE=0x50000000u -DHARK_CMSDK_UART0_BASE=0x50200000u \
                       -DHARK_CMSDK_TIMER_HZ=$(board.clock.hz)u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
