# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Nordic nRF52840 DK beyond its descriptor (board.properties): its console (UARTE0 on P0.06,
# the J-Link OB's virtual COM port, on the crystal clock) and the benchmark services on it with the cycle counter;
# the product firmware's driver (an external PDM microphone through the PDM peripheral, whose interrupt is the
# capture's; LED1 on P0.13).
# Included by the firmware-template Makefile when TARGET=nrf52840-dk; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES   := $(BOARD_DIR)/console_nrf52840_dk.c $(BOARD_DIR)/../common/cortex-m/bench_dwt.c \
                         $(BOARD_DIR)/../common/cortex-m/bench_board_console.c
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/console_nrf52840_dk.c $(BOARD_DIR)/board_nrf52840_dk.c
BOARD_DEFINES         := -DHARK_BOARD_CAPTURE_IRQ=29

include $(BOARD_DIR)/../common/product/product.mk
include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
