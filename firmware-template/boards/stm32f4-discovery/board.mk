# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the ST STM32F4-Discovery beyond its descriptor (board.properties): the STM32F4 console on
# USART2 (PA2) at 84 MHz (../common/stm32f4/stm32f4_84mhz_usart2.mk) and the product firmware's driver (the on-board
# MP45DT02 PDM microphone on I2S2, read by DMA1 stream 3, whose interrupt is the capture's; the green LED LD4 on
# PD12).
# Included by the firmware-template Makefile when TARGET=stm32f4-discovery; BOARD_DIR is set by the includer.

BOARD_DEFINES         := -DHARK_BOARD_CAPTURE_IRQ=14
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/board_stm32f4_discovery.c

include $(BOARD_DIR)/../common/stm32f4/stm32f4_84mhz_usart2.mk
