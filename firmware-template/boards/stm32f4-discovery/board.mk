# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the ST STM32F4-Discovery beyond its descriptor (board.properties): the STM32F4 console on
# USART2 (PA2) and the product firmware's driver (the on-board MP45DT02 PDM microphone on I2S2, read by DMA1
# stream 3, whose interrupt is the capture's; the green LED LD4 on PD12).
# Included by the firmware-template Makefile when TARGET=stm32f4-discovery; BOARD_DIR is set by the includer.

BOARD_USART_DEFINES := -DHARK_STM32F4_USART_BASE=0x40004400u -DHARK_STM32F4_USART_RCC_OFFSET=0x40u \
                       -DHARK_STM32F4_USART_RCC_BIT=17u -DHARK_STM32F4_TX_PIN=2u
# The listening harness takes chunks of up to 1 s (32 KB of its 128 KB of SRAM) instead of 10 s.
BOARD_DEFINES       := -DHARK_LISTEN_MAX_CHUNK_SAMPLES=16000u -DHARK_BOARD_CAPTURE_IRQ=14
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/board_stm32f4_discovery.c

# 84 MHz from the PLL (board.clock.hz); USART2's APB1 at half that.
BOARD_CLOCK_SOURCES := $(BOARD_DIR)/../common/stm32f4/clock_stm32f4_84mhz.c
BOARD_USART_PCLK_HZ := 42000000

include $(BOARD_DIR)/../common/stm32f4/stm32f4.mk
