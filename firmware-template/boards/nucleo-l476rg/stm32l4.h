/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The STM32L476 registers the Nucleo-L476RG's console and driver share (reset and clock control, GPIO), from ST's
 * reference manual RM0351.
 */

#ifndef HARK_STM32L4_H
#define HARK_STM32L4_H

#include <stdint.h>

#include "hark_mmio.h"

#define RCC_BASE 0x40021000u
#define RCC_CR HARK_REGISTER(RCC_BASE, 0x00u)
#define RCC_CFGR HARK_REGISTER(RCC_BASE, 0x08u)
#define RCC_AHB2ENR HARK_REGISTER(RCC_BASE, 0x4Cu)
#define RCC_APB1ENR1 HARK_REGISTER(RCC_BASE, 0x58u)

/* GPIO port n (A = 0) on AHB2, 1 KB apart; its clock is bit n of RCC_AHB2ENR. */
#define GPIO_BASE(port) (0x48000000u + 0x400u * (port))
#define GPIO_MODER(port) HARK_REGISTER(GPIO_BASE(port), 0x00u)
#define GPIO_ODR(port) HARK_REGISTER(GPIO_BASE(port), 0x14u)
#define GPIO_AFR(port, pin) HARK_REGISTER(GPIO_BASE(port), (pin) < 8u ? 0x20u : 0x24u)
#define GPIO_ASCR(port) HARK_REGISTER(GPIO_BASE(port), 0x2Cu)
#define GPIO_PORT_A 0u

#define GPIO_MODE_OUTPUT 1u
#define GPIO_MODE_ALTERNATE 2u
#define GPIO_MODE_ANALOG 3u

/* Clocks the port and gives the pin a mode (and, for GPIO_MODE_ALTERNATE, its alternate function). */
static inline void stm32l4_pin_mode(uint32_t port, uint32_t pin, uint32_t mode, uint32_t alternate)
{
    RCC_AHB2ENR |= 1u << port;
    (void)RCC_AHB2ENR; /* the clock is on before the port is written */
    const uint32_t nibble = 4u * (pin % 8u);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(0xFu << nibble)) | (alternate << nibble);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * pin))) | (mode << (2u * pin));
}

/** Switches the system clock from the 4 MHz MSI it resets to to 80 MHz from the PLL, once (console_nucleo_l476rg.c). */
void stm32l4_clock_start(void);

#endif /* HARK_STM32L4_H */
