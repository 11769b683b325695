# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What the MPS2 images for the Armv7-M cores (AN385, AN386, AN500) share under QEMU besides their memory map (in
# each descriptor): Arm's CMSDK timer 0 and UART 0 at the same addresses, the timer on the 25 MHz system clock. A
# board's board.mk includes this file.

MPS2_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

BOARD_BENCH_SOURCES := $(MPS2_DIR)/../cmsdk/bench_cmsdk.c $(MPS2_DIR)/../cortex-m/bench_calibration.c
BOARD_DEFINES       := -DHARK_CMSDK_TIMER0_BASE=0x40000000u -DHARK_CMSDK_UART0_BASE=0x40004000u \
                       -DHARK_CMSDK_TIMER_HZ=$(board.clock.hz)u

include $(MPS2_DIR)/../cortex-m/cortex_m.mk
