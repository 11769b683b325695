/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The STM32L476 registers the Nucleo-L476RG's console and driver share (reset and clock control; GPIO and the USART
 * through ../common/stm32/stm32.h), from ST's reference manual RM0351.
 */

#ifndef HARK_STM32L4_H
#define HARK_STM32L4_H

#include "hark_mmio.h"

#define RCC_BASE 0x40021000u
#define RCC_CR HARK_REGISTER(RCC_BASE, 0x00u)
#define RCC_CFGR HARK_REGISTER(RCC_BASE, 0x08u)
#define RCC_AHB2ENR HARK_REGISTER(RCC_BASE, 0x4Cu)
#define RCC_APB1ENR1 HARK_REGISTER(RCC_BASE, 0x58u)

/* GPIO port n (A = 0) on AHB2, 1 KB apart; its clock is bit n of RCC_AHB2ENR. */
#define GPIO_BASE(port) (0x48000000u + 0x400u * (port))
#define GPIO_CLOCK_ENABLE RCC_AHB2ENR
#include "stm32.h"

#define GPIO_ASCR(port) HARK_REGISTER(GPIO_BASE(port), 0x2Cu)

/** Switches the system clock from the 4 MHz MSI it resets to to 80 MHz from the PLL, once (console_nucleo_l476rg.c). */
void stm32l4_clock_start(void);

#endif /* HARK_STM32L4_H */
