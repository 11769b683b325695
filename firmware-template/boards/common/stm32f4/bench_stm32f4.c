/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The benchmark board services (harness/hark_bench_board.h) that depend on the peripherals of STMicroelectronics'
 * STM32F4 microcontrollers (STM32F405 on the Netduino Plus 2, STM32F446 on the Nucleo-F446RE, STM32F407 on the
 * STM32F4-Discovery): the counter and the console; the stack and stopping are bench_cortex_m.c's. The board's
 * board.mk defines
 *   -DHARK_STM32F4_USART_BASE=<address>      the console's USART (USART1 0x40011000, USART2 0x40004400)
 *   -DHARK_STM32F4_USART_RCC_OFFSET=<offset> the RCC register enabling its clock (APB2ENR 0x44, APB1ENR 0x40)
 *   -DHARK_STM32F4_USART_RCC_BIT=<bit>       its bit there (USART1 4, USART2 17)
 *   -DHARK_STM32F4_TX_PIN=<n>                its TX pin on port A, alternate function 7 (USART1 PA9, USART2 PA2)
 *   -DHARK_STM32F4_PCLK_HZ=<hz>              the USART's bus clock (the 16 MHz HSI at reset: hark sets no PLL)
 * and:
 *   - the counter is the core's cycle counter (DWT CYCCNT): it counts cycles, not instructions, so
 *     hark_bench_instructions_per_tick() is 0 (QEMU does not model it: the benchmarks are measured on the MPS2 boards);
 *   - the console is the USART at 115200 baud, 8N1, transmit only (on a Nucleo, USART2 reaches the host as the
 *     ST-LINK's virtual COM port).
 * Plain register accesses only: no semihosting and no C library, so the lean firmware can use all of it.
 */

#include <stdint.h>

#include "hark_bench_board.h"

#if !defined(HARK_STM32F4_USART_BASE) || !defined(HARK_STM32F4_USART_RCC_OFFSET) || \
    !defined(HARK_STM32F4_USART_RCC_BIT) || !defined(HARK_STM32F4_TX_PIN) || !defined(HARK_STM32F4_PCLK_HZ)
#error "the board.mk must define HARK_STM32F4_USART_BASE, _USART_RCC_OFFSET, _USART_RCC_BIT, _TX_PIN and _PCLK_HZ"
#endif

#define REGISTER(base, offset) (*(volatile uint32_t *)((uintptr_t)(base) + (offset)))

#define RCC_BASE 0x40023800u
#define RCC_AHB1ENR REGISTER(RCC_BASE, 0x30u)
#define RCC_AHB1ENR_GPIOAEN (1u << 0)
#define RCC_USART_ENR REGISTER(RCC_BASE, HARK_STM32F4_USART_RCC_OFFSET)

#define GPIOA_BASE 0x40020000u
#define GPIOA_MODER REGISTER(GPIOA_BASE, 0x00u)
#define GPIOA_AFR(pin) REGISTER(GPIOA_BASE, (pin) < 8u ? 0x20u : 0x24u)
#define GPIO_MODE_ALTERNATE 2u
#define USART_ALTERNATE_FUNCTION 7u

#define USART_SR REGISTER(HARK_STM32F4_USART_BASE, 0x00u)
#define USART_DR REGISTER(HARK_STM32F4_USART_BASE, 0x04u)
#define USART_BRR REGISTER(HARK_STM32F4_USART_BASE, 0x08u)
#define USART_CR1 REGISTER(HARK_STM32F4_USART_BASE, 0x0Cu)
#define USART_SR_TXE (1u << 7)
#define USART_SR_TC (1u << 6)
#define USART_CR1_UE (1u << 13)
#define USART_CR1_TE (1u << 3)
#define CONSOLE_BAUD 115200u

/* The debug block's cycle counter (Armv7-M: DEMCR.TRCENA enables DWT; DWT_CTRL.CYCCNTENA starts it). */
#define DEMCR REGISTER(0xE000EDFCu, 0u)
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL REGISTER(0xE0001000u, 0x0u)
#define DWT_CYCCNT REGISTER(0xE0001000u, 0x4u)
#define DWT_CTRL_CYCCNTENA 1u

void hark_bench_counter_start(void)
{
    DEMCR |= DEMCR_TRCENA;
    DWT_CYCCNT = 0;
    DWT_CTRL |= DWT_CTRL_CYCCNTENA;
}

uint32_t hark_bench_counter_read(void)
{
    return DWT_CYCCNT;
}

uint32_t hark_bench_instructions_per_tick(void)
{
    return 0; /* cycles, not instructions */
}

uint32_t hark_bench_calibration_ticks(uint32_t *instructions)
{
    *instructions = 0;
    return 0;
}

static void console_start(void)
{
    const uint32_t pin = HARK_STM32F4_TX_PIN;
    RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN;
    RCC_USART_ENR |= 1u << HARK_STM32F4_USART_RCC_BIT;
    GPIOA_AFR(pin) = (GPIOA_AFR(pin) & ~(0xFu << (4u * (pin % 8u)))) | (USART_ALTERNATE_FUNCTION << (4u * (pin % 8u)));
    GPIOA_MODER = (GPIOA_MODER & ~(3u << (2u * pin))) | (GPIO_MODE_ALTERNATE << (2u * pin));
    /* Oversampling by 16: BRR is the bus clock over the baud rate, rounded, in 12.4 fixed point. */
    USART_BRR = (HARK_STM32F4_PCLK_HZ + CONSOLE_BAUD / 2u) / CONSOLE_BAUD;
    USART_CR1 = USART_CR1_UE | USART_CR1_TE;
}

void hark_bench_write(const char *text)
{
    if ((USART_CR1 & USART_CR1_UE) == 0)
    {
        console_start();
    }
    for (; *text != '\0'; text++)
    {
        while ((USART_SR & USART_SR_TXE) == 0)
        {
        }
        USART_DR = (uint8_t)*text;
    }
    /* The last character must leave the shift register before hark_bench_stop() resets the chip. */
    while ((USART_SR & USART_SR_TC) == 0)
    {
    }
}
