/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The Nucleo-L476RG's clock and console (hark_board_console_write of product/hark_board.h), RM0351: the system
 * clock switched from the 4 MHz MSI it resets to to 80 MHz from the PLL on the 16 MHz HSI16 (M 1, N 10, R 2; four
 * flash wait states, prefetch and caches on; the regulator's reset range 1 allows 80 MHz, and so do both APB buses,
 * left undivided), and USART2 at
 * 115200 baud, 8N1, transmit only, on PA2 (alternate function 7), which the ST-LINK carries to the host as a
 * virtual COM port. It sets itself up on first use, so the benchmarks (bench_dwt.c) can write before anything else.
 */

#include <stdint.h>

#include "hark_board.h"
#include "stm32l4.h"

#if !defined(HARK_STM32L4_CLOCK_HZ)
#error "the board.mk must define HARK_STM32L4_CLOCK_HZ (the descriptor's board.clock.hz)"
#endif

#define RCC_CR_HSION (1u << 8)
#define RCC_CR_HSIRDY (1u << 10)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_CFGR_SW_MASK 3u
#define RCC_CFGR_SW_PLL 3u
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (3u << 2)
#define RCC_PLLCFGR HARK_REGISTER(RCC_BASE, 0x0Cu)
#define RCC_PLLCFGR_PLLSRC_HSI16 2u
#define RCC_PLLCFGR_PLLREN (1u << 24)
#define RCC_PLLCFGR_PLLR_DIVIDE_BY_2 (0u << 25)
#define PLLM 1u  /* 16 MHz into the VCO (4 to 16 MHz) */
#define PLLN 10u /* a 160 MHz VCO (64 to 344 MHz), / R 2 = 80 MHz */

#define FLASH_ACR HARK_REGISTER(0x40022000u, 0x00u)
#define FLASH_ACR_LATENCY_MASK 7u
#define FLASH_ACR_LATENCY_4 4u /* 64 to 80 MHz in voltage range 1, the reset's */
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)
#define RCC_APB1ENR1_USART2EN (1u << 17)

#define USART2_BASE 0x40004400u
#define USART2_CR1 HARK_REGISTER(USART2_BASE, 0x00u)
#define USART2_BRR HARK_REGISTER(USART2_BASE, 0x0Cu)
#define USART2_ISR HARK_REGISTER(USART2_BASE, 0x1Cu)
#define USART2_TDR HARK_REGISTER(USART2_BASE, 0x28u)
#define USART_CR1_UE (1u << 0)
#define USART_CR1_TE (1u << 3)
#define TX_PIN 2u
#define CONSOLE_BAUD 115200u

void stm32l4_clock_start(void)
{
    if ((RCC_CFGR & RCC_CFGR_SWS_MASK) == RCC_CFGR_SWS_PLL)
    {
        return;
    }
    RCC_CR |= RCC_CR_HSION;
    while ((RCC_CR & RCC_CR_HSIRDY) == 0)
    {
    }
    /* Wait states first: the flash must keep up before the clock speeds up. */
    FLASH_ACR = (FLASH_ACR & ~FLASH_ACR_LATENCY_MASK) | FLASH_ACR_LATENCY_4 | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN |
                FLASH_ACR_DCEN;
    while ((FLASH_ACR & FLASH_ACR_LATENCY_MASK) != FLASH_ACR_LATENCY_4)
    {
    }
    RCC_PLLCFGR = RCC_PLLCFGR_PLLSRC_HSI16 | ((PLLM - 1u) << 4) | (PLLN << 8) | RCC_PLLCFGR_PLLR_DIVIDE_BY_2 |
                  RCC_PLLCFGR_PLLREN;
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0)
    {
    }
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
    while ((RCC_CFGR & RCC_CFGR_SWS_MASK) != RCC_CFGR_SWS_PLL)
    {
    }
}

static void console_start(void)
{
    stm32l4_clock_start();
    RCC_APB1ENR1 |= RCC_APB1ENR1_USART2EN;
    (void)RCC_APB1ENR1;
    stm32_pin_mode(GPIO_PORT_A, TX_PIN, GPIO_MODE_ALTERNATE, STM32_USART_ALTERNATE_FUNCTION);
    /* PCLK1, the USART's clock at reset, is the core clock: APB1 is left undivided. */
    USART2_BRR = STM32_USART_BRR(HARK_STM32L4_CLOCK_HZ, CONSOLE_BAUD);
    USART2_CR1 = USART_CR1_UE | USART_CR1_TE;
}

void hark_board_console_write(const char *text)
{
    if ((USART2_CR1 & USART_CR1_UE) == 0)
    {
        console_start();
    }
    stm32_usart_write(&USART2_ISR, &USART2_TDR, text);
}
