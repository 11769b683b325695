# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the ST Nucleo-F446RE beyond its descriptor (board.properties): the STM32F4 console on USART2
# (PA2), which the on-board ST-LINK carries to the host as a virtual COM port, at 84 MHz
# (../common/stm32f4/stm32f4_84mhz_usart2.mk), and the product firmware's driver (an analog microphone on PA0 through
# ADC1, triggered by TIM2; the LED LD2 on PA5), whose interrupt is the ADC's.
# Included by the firmware-template Makefile when TARGET=nucleo-f446re; BOARD_DIR is set by the includer.

BOARD_DEFINES         := -DHARK_BOARD_CAPTURE_IRQ=18
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/board_nucleo_f446re.c

include $(BOARD_DIR)/../common/stm32f4/stm32f4_84mhz_usart2.mk
