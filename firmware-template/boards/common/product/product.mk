# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What every product board shares: the capture ring between its microphone driver's interrupt and the main loop
# (board_capture.c, hark_board_capture.h). A product board's board.mk sets BOARD_PRODUCT_SOURCES to its own drivers,
# then includes this file before the core's (cortex_m.mk, or stm32f4.mk, which includes it).

PRODUCT_BOARD_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

BOARD_PRODUCT_SOURCES += $(PRODUCT_BOARD_DIR)/board_capture.c
BOARD_DEFINES         += -I$(PRODUCT_BOARD_DIR)
