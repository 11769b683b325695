# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the ST Nucleo-F446RE beyond its descriptor (board.properties): the STM32F4 console on USART2
# (PA2), which the on-board ST-LINK carries to the host as a virtual COM port, and the product firmware's driver
# (an analog microphone on PA0 through ADC1, triggered by TIM2; the LED LD2 on PA5), whose interrupt is the ADC's.
# Included by the firmware-template Makefile when TARGET=nucleo-f446re; BOARD_DIR is set by the includer.

BOARD_USART_DEFINES := -DHARK_STM32F4_USART_BASE=0x40004400u -DHARK_STM32F4_USART_RCC_OFFSET=0x40u \
                       -DHARK_STM32F4_USART_RCC_BIT=17u -DHARK_STM32F4_TX_PIN=2u
# The listening harness takes chunks of up to 1 s (32 KB of its 128 KB of SRAM) instead of 10 s.
BOARD_DEFINES       := -DHARK_LISTEN_MAX_CHUNK_SAMPLES=16000u -DHARK_BOARD_CAPTURE_IRQ=18
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/board_nucleo_f446re.c

# 84 MHz from the PLL (board.clock.hz); USART2's APB1 at half that.
BOARD_CLOCK_SOURCES := $(BOARD_DIR)/../common/stm32f4/clock_stm32f4_84mhz.c
BOARD_USART_PCLK_HZ := 42000000

include $(BOARD_DIR)/../common/stm32f4/stm32f4.mk
