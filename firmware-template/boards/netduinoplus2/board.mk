# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Netduino Plus 2 beyond its descriptor (board.properties): the STM32F4 console on USART1
# (PA9), which QEMU connects to its first serial port, so the lean firmware runs the same UART code as the STM32F4
# dev boards; the cycle counter is not modelled by QEMU, so the benchmarks are not run here.
# Included by the firmware-template Makefile when TARGET=netduinoplus2; BOARD_DIR is set by the includer.

BOARD_USART_DEFINES := -DHARK_STM32F4_USART_BASE=0x40011000u -DHARK_STM32F4_USART_RCC_OFFSET=0x44u \
                       -DHARK_STM32F4_USART_RCC_BIT=4u -DHARK_STM32F4_TX_PIN=9u

include $(BOARD_DIR)/../common/stm32f4/stm32f4.mk
