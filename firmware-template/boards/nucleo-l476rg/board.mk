# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the ST Nucleo-L476RG beyond its descriptor (board.properties): its console (USART2 on PA2, the
# ST-LINK's virtual COM port, with the switch to 80 MHz from the PLL) and the benchmark services on it with the cycle
# counter; the product firmware's driver (an analog microphone on PA0 through ADC1, triggered by TIM2; the LED LD2
# on PA5), whose interrupt is ADC1_2's.
# Included by the firmware-template Makefile when TARGET=nucleo-l476rg; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES   := $(BOARD_DIR)/console_nucleo_l476rg.c $(BOARD_DIR)/../common/cortex-m/bench_dwt.c \
                         $(BOARD_DIR)/../common/cortex-m/bench_board_console.c
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/console_nucleo_l476rg.c $(BOARD_DIR)/board_nucleo_l476rg.c
BOARD_DEFINES         := -DHARK_BOARD_CAPTURE_IRQ=18 \
                         -DHARK_STM32L4_CLOCK_HZ=$(board.clock.hz)u -I$(BOARD_DIR)/../common/stm32

include $(BOARD_DIR)/../common/product/product.mk
include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
