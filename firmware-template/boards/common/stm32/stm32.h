/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What the STM32 families hark's boards use share, the same blocks: the GPIO port (RM0090 and RM0390 for the
 * STM32F4, RM0351 for the STM32L476: the same registers, offsets and modes, the ports at other addresses), TIM2 as
 * a sample clock (the same address and registers) and the USART's transmitter (the same TXE and TC status bits and
 * baud rate rule; the STM32L4's registers at other offsets). The family's header defines, before it includes this
 * one:
 *   GPIO_BASE(port)    the address of GPIO port `port` (A = 0)
 *   GPIO_CLOCK_ENABLE  the RCC register whose bit `port` clocks that port
 */

#ifndef HARK_STM32_H
#define HARK_STM32_H

#include <stdint.h>

#include "hark_mmio.h"

#if !defined(GPIO_BASE) || !defined(GPIO_CLOCK_ENABLE)
#error "the family's header must define GPIO_BASE(port) and GPIO_CLOCK_ENABLE before including stm32.h"
#endif

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
static inline void stm32_pin_mode(uint32_t port, uint32_t pin, uint32_t mode, uint32_t alternate)
{
    GPIO_CLOCK_ENABLE |= 1u << port;
    (void)GPIO_CLOCK_ENABLE; /* the clock is on before the port is written (RM0090 errata: two cycles) */
    const uint32_t nibble = 4u * (pin % 8u);
    GPIO_AFR(port, pin) = (GPIO_AFR(port, pin) & ~(0xFu << nibble)) | (alternate << nibble);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * pin))) | (mode << (2u * pin));
}

/*
 * TIM2, a general-purpose timer at the same address with the same registers on the STM32F4 and STM32L4 (RM0090,
 * RM0390, RM0351), used as a sample clock: its update event, `rate_hz` times a second, is its trigger output
 * (TRGO), which an ADC takes as its external trigger. Its clock (bit 0 of the family's APB1 enable register) must
 * be on.
 */
#define TIM2_BASE 0x40000000u
#define TIM2_CR1 HARK_REGISTER(TIM2_BASE, 0x00u)
#define TIM2_CR2 HARK_REGISTER(TIM2_BASE, 0x04u)
#define TIM2_EGR HARK_REGISTER(TIM2_BASE, 0x14u)
#define TIM2_PSC HARK_REGISTER(TIM2_BASE, 0x28u)
#define TIM2_ARR HARK_REGISTER(TIM2_BASE, 0x2Cu)
#define TIM_CR1_CEN (1u << 0)
#define TIM_CR2_MMS_UPDATE (2u << 4) /* TRGO on each update event */
#define TIM_EGR_UG (1u << 0)

/* Starts TIM2 counting its clock (`timer_hz`, a multiple of `rate_hz`) to an update every 1 / rate_hz. */
static inline void stm32_tim2_trigger_start(uint32_t timer_hz, uint32_t rate_hz)
{
    TIM2_PSC = 0;
    TIM2_ARR = timer_hz / rate_hz - 1u;
    TIM2_CR2 = TIM_CR2_MMS_UPDATE;
    TIM2_EGR = TIM_EGR_UG; /* loads PSC and ARR */
    TIM2_CR1 = TIM_CR1_CEN;
}

/** The USART's alternate function on the pins the boards use for it (AF7, USART1 to USART3). */
#define STM32_USART_ALTERNATE_FUNCTION 7u
#define STM32_USART_TXE (1u << 7) /* the status register: the data register is empty */
#define STM32_USART_TC (1u << 6)  /* the status register: the last frame has left the shift register */

/** BRR for oversampling by 16: the USART's clock over the baud rate, rounded (12.4 fixed point). */
#define STM32_USART_BRR(clock_hz, baud) (((clock_hz) + (baud) / 2u) / (baud))

/**
 * Sends text, each character when the data register is empty, and waits until the last has left the shift register
 * (before the program stops and the chip resets).
 */
static inline void stm32_usart_write(volatile uint32_t *status, volatile uint32_t *data, const char *text)
{
    for (; *text != '\0'; text++)
    {
        while ((*status & STM32_USART_TXE) == 0)
        {
        }
        *data = (uint8_t)*text;
    }
    while ((*status & STM32_USART_TC) == 0)
    {
    }
}

#endif /* HARK_STM32_H */
