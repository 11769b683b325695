# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What the STM32F4 product boards with 128 KB of SRAM share (nucleo-f446re, stm32f4-discovery): the console on USART2
# TX (PA2) at 84 MHz from the PLL (board.clock.hz, clock_stm32f4_84mhz.c), USART2's APB1 at half that; the product
# firmware's capture ring. A
# board's board.mk sets BOARD_DEFINES (its capture's interrupt) and BOARD_PRODUCT_SOURCES (its drivers), then
# includes this file.

STM32F4_84MHZ_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

BOARD_USART_DEFINES := -DHARK_STM32F4_USART_BASE=0x40004400u -DHARK_STM32F4_USART_RCC_OFFSET=0x40u \
                       -DHARK_STM32F4_USART_RCC_BIT=17u -DHARK_STM32F4_TX_PIN=2u
BOARD_CLOCK_SOURCES := $(STM32F4_84MHZ_DIR)/clock_stm32f4_84mhz.c
BOARD_USART_PCLK_HZ := 42000000

include $(STM32F4_84MHZ_DIR)/../product/product.mk
include $(STM32F4_84MHZ_DIR)/stm32f4.mk
