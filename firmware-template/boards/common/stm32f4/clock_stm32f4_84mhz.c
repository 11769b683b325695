/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The 84 MHz clock of the STM32F4 dev boards (RM0090 for the STM32F407, RM0390 for the STM32F446, which agree on
 * these registers), replacing the console's default (console_stm32f4.c: the 16 MHz reset clock, which the Netduino
 * Plus 2 keeps under QEMU). 16 MHz leaves little for listening: the front end alone takes 7.5 million instructions a
 * second of audio, and more cycles than instructions.
 *   - the main PLL from the 16 MHz HSI: / PLLM 8 = 2 MHz (the input the manuals recommend), x PLLN 84 = 168 MHz
 *     (VCO), / PLLP 2 = 84 MHz for the core and AHB; PLLQ keeps its reset value (no USB);
 *   - APB1 / 2 = 42 MHz (its maximum is 42 or 45), its timers twice that, 84 MHz; APB2 = 84 MHz;
 *   - flash: 2 wait states (60 to 90 MHz at 2.7 to 3.6 V), prefetch and caches on; the regulator's reset scale
 *     allows 84 MHz on both parts.
 * board.clock.hz is 84 MHz on these boards and their board.mk gives the console APB1's 42 MHz. The I2S PLL shares
 * the 2 MHz input (stm32f4-discovery).
 */

#include <stdint.h>

#include "stm32f4.h"

#define RCC_PLLCFGR HARK_REGISTER(RCC_BASE, 0x04u)
#define RCC_CFGR HARK_REGISTER(RCC_BASE, 0x08u)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define PLLCFGR_PLLM_MASK 0x3Fu
#define PLLCFGR_PLLN_MASK (0x1FFu << 6)
#define PLLCFGR_PLLP_MASK (3u << 16)
#define PLLCFGR_PLLSRC_HSE (1u << 22)
#define PLLM 8u
#define PLLN 84u
#define PLLP_DIVIDE_BY_2 0u
#define RCC_CFGR_SW_MASK 3u
#define RCC_CFGR_SW_PLL 2u
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (2u << 2)
#define RCC_CFGR_PPRE1_MASK (7u << 10)
#define RCC_CFGR_PPRE1_DIVIDE_BY_2 (4u << 10)

#define FLASH_ACR HARK_REGISTER(0x40023C00u, 0x00u)
#define FLASH_ACR_LATENCY_MASK 0xFu
#define FLASH_ACR_LATENCY_2 2u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

void stm32f4_clock_start(void)
{
    if ((RCC_CFGR & RCC_CFGR_SWS_MASK) == RCC_CFGR_SWS_PLL)
    {
        return;
    }
    /* Wait states first: the flash must keep up before the clock speeds up. */
    FLASH_ACR = (FLASH_ACR & ~FLASH_ACR_LATENCY_MASK) | FLASH_ACR_LATENCY_2 | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN |
                FLASH_ACR_DCEN;
    while ((FLASH_ACR & FLASH_ACR_LATENCY_MASK) != FLASH_ACR_LATENCY_2)
    {
    }
    RCC_PLLCFGR = (RCC_PLLCFGR & ~(PLLCFGR_PLLM_MASK | PLLCFGR_PLLN_MASK | PLLCFGR_PLLP_MASK | PLLCFGR_PLLSRC_HSE)) |
                  PLLM | (PLLN << 6) | (PLLP_DIVIDE_BY_2 << 16);
    RCC_CR |= RCC_CR_PLLON;
    while ((RCC_CR & RCC_CR_PLLRDY) == 0)
    {
    }
    /* APB1 halved before its bus doubles. */
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_PPRE1_MASK) | RCC_CFGR_PPRE1_DIVIDE_BY_2;
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
    while ((RCC_CFGR & RCC_CFGR_SWS_MASK) != RCC_CFGR_SWS_PLL)
    {
    }
}
