# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# What the STM32F4 boards share: the console (console_stm32f4.c) on the USART the board's board.mk names in
# BOARD_USART_DEFINES, the GPIO and USART definitions of ../stm32/stm32.h, and the benchmark services on the console
# with the cycle counter (../cortex-m/bench_dwt.c, bench_board_console.c). A board's board.mk sets
# BOARD_USART_DEFINES, and if it has them BOARD_DEFINES, BOARD_PRODUCT_SOURCES (its microphone and LED driver) and
# BOARD_CLOCK_SOURCES (clock_stm32f4_84mhz.c, for a clock above the reset's) with BOARD_USART_PCLK_HZ (the console's
# bus clock, when it is not the core's), then includes this file (stm32f4_84mhz_usart2.mk does it for the dev boards).

STM32F4_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))

BOARD_BENCH_SOURCES := $(STM32F4_DIR)/console_stm32f4.c $(STM32F4_DIR)/../cortex-m/bench_dwt.c \
                       $(STM32F4_DIR)/../cortex-m/bench_board_console.c $(BOARD_CLOCK_SOURCES)
BOARD_PRODUCT_SOURCES := $(if $(BOARD_PRODUCT_SOURCES),$(BOARD_PRODUCT_SOURCES) $(STM32F4_DIR)/console_stm32f4.c \
                         $(BOARD_CLOCK_SOURCES))
# The console's bus clock: the board's BOARD_USART_PCLK_HZ if its clock divides the bus, else the core clock.
BOARD_DEFINES       += $(BOARD_USART_DEFINES) -DHARK_STM32F4_PCLK_HZ=$(or $(BOARD_USART_PCLK_HZ),$(board.clock.hz))u \
                       -DHARK_STM32F4_CORE_HZ=$(board.clock.hz)u -I$(STM32F4_DIR) -I$(STM32F4_DIR)/../stm32

include $(STM32F4_DIR)/../cortex-m/cortex_m.mk
