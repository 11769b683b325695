# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What the STM32F4 boards share: the console (console_stm32f4.c) on the USART the board's board.mk names in
# BOARD_USART_DEFINES, clocked by the descriptor's board.clock.hz, and the benchmark services on it with the cycle
# counter (../cortex-m/bench_dwt.c). A board's board.mk sets BOARD_USART_DEFINES (and BOARD_DEFINES and
# BOARD_PRODUCT_SOURCES, its microphone and LED driver, if it has them), then includes this file.

STM32F4_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

BOARD_BENCH_SOURCES := $(STM32F4_DIR)/console_stm32f4.c $(STM32F4_DIR)/../cortex-m/bench_dwt.c
BOARD_PRODUCT_SOURCES := $(if $(BOARD_PRODUCT_SOURCES),$(BOARD_PRODUCT_SOURCES) $(STM32F4_DIR)/console_stm32f4.c)
BOARD_DEFINES       += $(BOARD_USART_DEFINES) -DHARK_STM32F4_PCLK_HZ=$(board.clock.hz)u -I$(STM32F4_DIR)

include $(STM32F4_DIR)/../cortex-m/cortex_m.mk
