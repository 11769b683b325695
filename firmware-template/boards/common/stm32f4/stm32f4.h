/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The STM32F4 registers the drivers of the STM32F4 boards share (reset and clock control, GPIO), from ST's
 * reference manuals RM0090 (STM32F405/407) and RM0390 (STM32F446), which agree on them.
 */

#ifndef HARK_STM32F4_H
#define HARK_STM32F4_H

#include <stdint.h>

#include "hark_mmio.h"

#define RCC_BASE 0x40023800u
#define RCC_CR HARK_REGISTER(RCC_BASE, 0x00u)
#define RCC_AHB1ENR HARK_REGISTER(RCC_BASE, 0x30u)
#define RCC_APB1ENR HARK_REGISTER(RCC_BASE, 0x40u)
#define RCC_APB2ENR HARK_REGISTER(RCC_BASE, 0x44u)

/* GPIO port n (A = 0) on AHB1, 1 KB apart; its clock is bit n of RCC_AHB1ENR. */
#define GPIO_BASE(port) (0x40020000u + 0x400u * (port))
#define GPIO_MODER(port) HARK_REGISTER(GPIO_BASE(port), 0x00u)
#define GPIO_ODR(port) HARK_REGISTER(GPIO_BASE(port), 0x14u)
#define GPIO_AFR(port, pin) HARK_REGISTER(GPIO_BASE(port), (pin) < 8u ? 0x20u : 0x24u)
#define GPIO_PORT_A 0u
#define GPIO_PORT_B 1u
#define GPIO_PORT_C 2u
#define GPIO_PORT_D 3u

#define GPIO_MODE_OUTPUT 1u
#define GPIO_MODE_ALTERNATE 2u
#define GPIO_MODE_ANALOG 3u

/* Clocks the port and gives the pin a mode (and, for GPIO_MODE_ALTERNATE, its alternate function). */
static inline void stm32f4_pin_mode(uint32_t port, uint32_t pin, uint32_t mode, uint32_t alternate)
{
    RCC_AHB1ENR |= 1u << port;
    (void)RCC_AHB1ENR; /* the clock is on before the port is written (RM0090 errata: two cycles) */
    const uint32_t nibble = 4u * (pin % 8u);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(0xFu << nibble)) | (alternate << nibble);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * pin))) | (mode << (2u * pin));
}

/**
 * Sets the board's clocks, once, before the console's first use: the 16 MHz reset clock unless the board links
 * clock_stm32f4_84mhz.c (a weak default in console_stm32f4.c).
 */
void stm32f4_clock_start(void);

#endif /* HARK_STM32F4_H */
