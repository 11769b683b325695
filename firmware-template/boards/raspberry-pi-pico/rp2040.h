/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The RP2040 registers the Pico's console, benchmark services and driver share (resets, clocks, GPIO functions and
 * pads, SIO), from the RP2040 Datasheet. Each peripheral's registers are also reachable at +0x2000 (writes set the
 * bits written) and +0x3000 (writes clear them).
 */

#ifndef HARK_RP2040_H
#define HARK_RP2040_H

#include <stdint.h>

#include "hark_mmio.h"

#define HARK_SET_ALIAS 0x2000u
#define HARK_CLEAR_ALIAS 0x3000u

#define RESETS_BASE 0x4000C000u
#define RESETS_RESET_SET HARK_REGISTER(RESETS_BASE + HARK_SET_ALIAS, 0x0u)
#define RESETS_RESET_CLEAR HARK_REGISTER(RESETS_BASE + HARK_CLEAR_ALIAS, 0x0u)
#define RESETS_RESET_DONE HARK_REGISTER(RESETS_BASE, 0x8u)
#define RESET_ADC (1u << 0)
#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)
#define RESET_PLL_SYS (1u << 12)
#define RESET_TIMER (1u << 21)
#define RESET_UART0 (1u << 22)

/* GPIO n's function (IO_BANK0 GPIOn_CTRL.FUNCSEL) and pad (PADS_BANK0 GPIOn). */
#define IO_BANK0_GPIO_CTRL(n) HARK_REGISTER(0x40014000u, 0x04u + 8u * (n))
#define PADS_BANK0_GPIO(n) HARK_REGISTER(0x4001C000u, 0x04u + 4u * (n))
#define PADS_GPIO_IE (1u << 6)
#define PADS_GPIO_OD (1u << 7)
#define GPIO_FUNCTION_UART 2u
#define GPIO_FUNCTION_SIO 5u
#define GPIO_FUNCTION_NULL 31u

#define SIO_GPIO_OUT_CLR HARK_REGISTER(0xD0000000u, 0x018u)
#define SIO_GPIO_OUT_XOR HARK_REGISTER(0xD0000000u, 0x01Cu)
#define SIO_GPIO_OE_SET HARK_REGISTER(0xD0000000u, 0x024u)

/** The crystal on the Pico's XIN and XOUT: clk_ref, and PLL_SYS's reference. */
#define RP2040_XOSC_HZ 12000000u

#if !defined(HARK_RP2040_CLOCK_HZ)
#error "the board.mk must define HARK_RP2040_CLOCK_HZ (the descriptor's board.clock.hz)"
#endif

/** Puts the given peripherals (RESET_* bits) into reset. */
static inline void rp2040_reset(uint32_t peripherals)
{
    RESETS_RESET_SET = peripherals;
}

/** Takes the given peripherals (RESET_* bits) out of reset and waits until they are. */
static inline void rp2040_unreset(uint32_t peripherals)
{
    RESETS_RESET_CLEAR = peripherals;
    while ((RESETS_RESET_DONE & peripherals) != peripherals)
    {
    }
}

/**
 * Runs clk_ref from the 12 MHz crystal instead of the ring oscillator (whose frequency varies by part and
 * temperature), clk_sys and clk_peri at HARK_RP2040_CLOCK_HZ from PLL_SYS on it, and the 1 MHz tick of the timer;
 * once (console_rp2040.c).
 */
void rp2040_clock_start(void);

#endif /* HARK_RP2040_H */
