/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The STM32F4 registers the drivers of the STM32F4 boards share (reset and clock control; GPIO and the USART
 * through ../stm32/stm32.h), from ST's reference manuals RM0090 (STM32F405/407) and RM0390 (STM32F446), which
 * agree on them.
 */

#ifndef HARK_STM32F4_H
#define HARK_STM32F4_H

#include "hark_mmio.h"

#define RCC_BASE 0x40023800u
#define RCC_CR HARK_REGISTER(RCC_BASE, 0x00u)
#define RCC_AHB1ENR HARK_REGISTER(RCC_BASE, 0x30u)
#define RCC_APB1ENR HARK_REGISTER(RCC_BASE, 0x40u)
#define RCC_APB2ENR HARK_REGISTER(RCC_BASE, 0x44u)

/* GPIO port n (A = 0) on AHB1, 1 KB apart; its clock is bit n of RCC_AHB1ENR. */
#define GPIO_BASE(port) (0x40020000u + 0x400u * (port))
#define GPIO_CLOCK_ENABLE RCC_AHB1ENR
#include "stm32.h"

/**
 * Sets the board's clocks, once, before the console's first use: the 16 MHz reset clock unless the board links
 * clock_stm32f4_84mhz.c (a weak default in console_stm32f4.c).
 */
void stm32f4_clock_start(void);

#endif /* HARK_STM32F4_H */
