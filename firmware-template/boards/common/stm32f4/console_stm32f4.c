/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The console of the STM32F4 boards (hark_board_console_write of product/hark_board.h): a USART at 115200 baud,
 * 8N1, transmit only, on the USART the board's board.mk names:
 *   -DHARK_STM32F4_USART_BASE=<address>      the console's USART (USART1 0x40011000, USART2 0x40004400)
 *   -DHARK_STM32F4_USART_RCC_OFFSET=<offset> the RCC register enabling its clock (APB2ENR 0x44, APB1ENR 0x40)
 *   -DHARK_STM32F4_USART_RCC_BIT=<bit>       its bit there (USART1 4, USART2 17)
 *   -DHARK_STM32F4_TX_PIN=<n>                its TX pin on port A, alternate function 7 (USART1 PA9, USART2 PA2)
 *   -DHARK_STM32F4_PCLK_HZ=<hz>              the USART's bus clock (the 16 MHz HSI at reset, 42 MHz for USART2 on
 *                                            the boards that link clock_stm32f4_84mhz.c)
 * On a Nucleo, USART2 reaches the host as the ST-LINK's virtual COM port; under QEMU the Netduino Plus 2 runs this
 * code on USART1. It sets itself up, and the board's clock, on first use, so the benchmarks (bench_dwt.c) can write
 * before anything else.
 */

#include <stdint.h>

#include "hark_board.h"
#include "stm32f4.h"

#if !defined(HARK_STM32F4_USART_BASE) || !defined(HARK_STM32F4_USART_RCC_OFFSET) || \
    !defined(HARK_STM32F4_USART_RCC_BIT) || !defined(HARK_STM32F4_TX_PIN) || !defined(HARK_STM32F4_PCLK_HZ)
#error "the board.mk must define HARK_STM32F4_USART_BASE, _USART_RCC_OFFSET, _USART_RCC_BIT, _TX_PIN and _PCLK_HZ"
#endif

#define RCC_USART_ENR HARK_REGISTER(RCC_BASE, HARK_STM32F4_USART_RCC_OFFSET)

#define USART_SR HARK_REGISTER(HARK_STM32F4_USART_BASE, 0x00u)
#define USART_DR HARK_REGISTER(HARK_STM32F4_USART_BASE, 0x04u)
#define USART_BRR HARK_REGISTER(HARK_STM32F4_USART_BASE, 0x08u)
#define USART_CR1 HARK_REGISTER(HARK_STM32F4_USART_BASE, 0x0Cu)
#define USART_CR1_UE (1u << 13)
#define USART_CR1_TE (1u << 3)
#define CONSOLE_BAUD 115200u

/* The reset clock: nothing to do. Boards that run faster link clock_stm32f4_84mhz.c, whose definition wins. */
__attribute__((weak)) void stm32f4_clock_start(void)
{
}

static void console_start(void)
{
    stm32f4_clock_start();
    RCC_USART_ENR |= 1u << HARK_STM32F4_USART_RCC_BIT;
    stm32_pin_mode(GPIO_PORT_A, HARK_STM32F4_TX_PIN, GPIO_MODE_ALTERNATE, STM32_USART_ALTERNATE_FUNCTION);
    USART_BRR = STM32_USART_BRR(HARK_STM32F4_PCLK_HZ, CONSOLE_BAUD);
    USART_CR1 = USART_CR1_UE | USART_CR1_TE;
}

void hark_board_console_write(const char *text)
{
    if ((USART_CR1 & USART_CR1_UE) == 0)
    {
        console_start();
    }
    stm32_usart_write(&USART_SR, &USART_DR, text);
}
