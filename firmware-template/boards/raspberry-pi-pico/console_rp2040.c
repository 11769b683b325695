/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The Pico's clocks and console (hark_board_console_write of product/hark_board.h), from the RP2040 Datasheet (2.15
 * Clocks, 2.16 Crystal Oscillator, 2.18 PLL): the crystal oscillator (XOSC, 12 MHz) as clk_ref, PLL_SYS on it
 * making clk_sys (the core's) and clk_peri (the UART's) at HARK_RP2040_CLOCK_HZ (125 MHz, the descriptor's
 * board.clock.hz), the watchdog's tick at 1 MHz from clk_ref for the timer; UART0 (an Arm PL011) at 115200 baud,
 * 8N1, transmit only, on GP0. It sets itself up on first use, so the benchmarks (bench_rp2040.c) can write before
 * anything else. Written from the datasheet, not run on silicon.
 */

#include <stdint.h>

#include "hark_board.h"
#include "rp2040.h"

#define XOSC_BASE 0x40024000u
#define XOSC_CTRL HARK_REGISTER(XOSC_BASE, 0x00u)
#define XOSC_STATUS HARK_REGISTER(XOSC_BASE, 0x04u)
#define XOSC_STARTUP HARK_REGISTER(XOSC_BASE, 0x0Cu)
#define XOSC_CTRL_RANGE_1_15MHZ 0xAA0u
#define XOSC_CTRL_ENABLE (0xFABu << 12)
#define XOSC_STATUS_STABLE (1u << 31)
/* XOSC_STARTUP.DELAY counts 256 crystal cycles: about 1 ms. */
#define XOSC_STARTUP_1MS ((RP2040_XOSC_HZ / 1000u + 255u) / 256u)

/* PLL_SYS (2.18.2, 2.18.4): FOUTVCO = FREF / REFDIV * FBDIV, clk_sys = FOUTVCO / (POSTDIV1 * POSTDIV2). */
#define PLL_SYS_BASE 0x40028000u
#define PLL_SYS_CS HARK_REGISTER(PLL_SYS_BASE, 0x0u)
#define PLL_SYS_PWR HARK_REGISTER(PLL_SYS_BASE, 0x4u)
#define PLL_SYS_PWR_CLEAR HARK_REGISTER(PLL_SYS_BASE + HARK_CLEAR_ALIAS, 0x4u)
#define PLL_SYS_FBDIV_INT HARK_REGISTER(PLL_SYS_BASE, 0x8u)
#define PLL_SYS_PRIM HARK_REGISTER(PLL_SYS_BASE, 0xCu)
#define PLL_CS_LOCK (1u << 31)
#define PLL_PWR_PD (1u << 0)
#define PLL_PWR_POSTDIVPD (1u << 3)
#define PLL_PWR_VCOPD (1u << 5)
#define PLL_PRIM_POSTDIV1(n) ((n) << 16)
#define PLL_PRIM_POSTDIV2(n) ((n) << 12)
#define PLL_SYS_REFDIV 1u
#define PLL_SYS_FBDIV 125u  /* a 1500 MHz VCO, under its 1600 MHz limit; FBDIV within 16 to 320 */
#define PLL_SYS_POSTDIV1 6u /* POSTDIV1 >= POSTDIV2, each 1 to 7 */
#define PLL_SYS_POSTDIV2 2u
#if RP2040_XOSC_HZ / PLL_SYS_REFDIV * PLL_SYS_FBDIV / (PLL_SYS_POSTDIV1 * PLL_SYS_POSTDIV2) != HARK_RP2040_CLOCK_HZ
#error "PLL_SYS's settings do not make the descriptor's board.clock.hz (HARK_RP2040_CLOCK_HZ)"
#endif

#define CLOCKS_BASE 0x40008000u
#define CLK_REF_CTRL HARK_REGISTER(CLOCKS_BASE, 0x30u)
#define CLK_REF_SELECTED HARK_REGISTER(CLOCKS_BASE, 0x38u)
#define CLK_SYS_CTRL HARK_REGISTER(CLOCKS_BASE, 0x3Cu)
#define CLK_SYS_DIV HARK_REGISTER(CLOCKS_BASE, 0x40u)
#define CLK_SYS_SELECTED HARK_REGISTER(CLOCKS_BASE, 0x44u)
#define CLK_PERI_CTRL HARK_REGISTER(CLOCKS_BASE, 0x48u)
#define CLK_REF_SRC_XOSC 2u
#define CLK_REF_SELECTED_XOSC (1u << 2)
#define CLK_SYS_SRC_AUX 1u
#define CLK_SYS_AUXSRC_PLL_SYS (0u << 5)
#define CLK_SYS_SELECTED_AUX (1u << 1)
#define CLK_DIV_BY_1 (1u << 8) /* DIV.INT 1, no fraction */
#define CLK_CTRL_ENABLE (1u << 11)
#define CLK_PERI_AUXSRC_CLK_SYS (0u << 5)

#define WATCHDOG_TICK HARK_REGISTER(0x40058000u, 0x2Cu)
#define WATCHDOG_TICK_ENABLE (1u << 9)
#define WATCHDOG_TICK_CYCLES_1MHZ (RP2040_XOSC_HZ / 1000000u) /* clk_ref cycles a microsecond */

#define UART0_BASE 0x40034000u
#define UART0_DR HARK_REGISTER(UART0_BASE, 0x00u)
#define UART0_FR HARK_REGISTER(UART0_BASE, 0x18u)
#define UART0_IBRD HARK_REGISTER(UART0_BASE, 0x24u)
#define UART0_FBRD HARK_REGISTER(UART0_BASE, 0x28u)
#define UART0_LCR_H HARK_REGISTER(UART0_BASE, 0x2Cu)
#define UART0_CR HARK_REGISTER(UART0_BASE, 0x30u)
#define UART_FR_BUSY (1u << 3)
#define UART_FR_TXFF (1u << 5)
#define UART_LCR_H_8_BITS (3u << 5)
#define UART_LCR_H_FIFO (1u << 4)
#define UART_CR_UARTEN (1u << 0)
#define UART_CR_TXE (1u << 8)
#define TX_PIN 0u
#define CONSOLE_BAUD 115200u
#define UART_CLOCK_HZ HARK_RP2040_CLOCK_HZ /* clk_peri is clk_sys */
/* The PL011's divisor, clock / (16 baud), in 16.6 fixed point, rounded: 67 + 52/64 for 115200 at 125 MHz. */
#define UART_DIVISOR_X64 ((4u * UART_CLOCK_HZ + CONSOLE_BAUD / 2u) / CONSOLE_BAUD)

void rp2040_clock_start(void)
{
    if (CLK_SYS_SELECTED == CLK_SYS_SELECTED_AUX)
    {
        return; /* clk_sys runs from PLL_SYS already */
    }
    XOSC_STARTUP = XOSC_STARTUP_1MS;
    XOSC_CTRL = XOSC_CTRL_RANGE_1_15MHZ | XOSC_CTRL_ENABLE;
    while ((XOSC_STATUS & XOSC_STATUS_STABLE) == 0)
    {
    }
    /* clk_ref's source is glitchless: switch and wait; clk_sys follows clk_ref (its reset source) meanwhile. */
    CLK_REF_CTRL = CLK_REF_SRC_XOSC;
    while (CLK_REF_SELECTED != CLK_REF_SELECTED_XOSC)
    {
    }

    /* PLL_SYS from reset: dividers first, then the VCO powered up; locked, then the post dividers powered up. */
    rp2040_reset(RESET_PLL_SYS);
    rp2040_unreset(RESET_PLL_SYS);
    PLL_SYS_CS = PLL_SYS_REFDIV;
    PLL_SYS_FBDIV_INT = PLL_SYS_FBDIV;
    PLL_SYS_PWR_CLEAR = PLL_PWR_PD | PLL_PWR_VCOPD;
    while ((PLL_SYS_CS & PLL_CS_LOCK) == 0)
    {
    }
    PLL_SYS_PRIM = PLL_PRIM_POSTDIV1(PLL_SYS_POSTDIV1) | PLL_PRIM_POSTDIV2(PLL_SYS_POSTDIV2);
    PLL_SYS_PWR_CLEAR = PLL_PWR_POSTDIVPD;

    /*
     * clk_sys: its aux mux is not glitchless, so it is set while the glitchless mux still selects clk_ref; then the
     * glitchless mux moves to the aux source. The flash's serial clock is clk_sys over the BAUDR boot2 set, so the
     * flash keeps up (rp2040_boot2.c).
     */
    CLK_SYS_DIV = CLK_DIV_BY_1;
    CLK_SYS_CTRL = CLK_SYS_AUXSRC_PLL_SYS;
    CLK_SYS_CTRL = CLK_SYS_AUXSRC_PLL_SYS | CLK_SYS_SRC_AUX;
    while (CLK_SYS_SELECTED != CLK_SYS_SELECTED_AUX)
    {
    }
    CLK_PERI_CTRL = CLK_CTRL_ENABLE | CLK_PERI_AUXSRC_CLK_SYS;
    WATCHDOG_TICK = WATCHDOG_TICK_ENABLE | WATCHDOG_TICK_CYCLES_1MHZ;
}

static void console_start(void)
{
    rp2040_clock_start();
    rp2040_unreset(RESET_IO_BANK0 | RESET_PADS_BANK0 | RESET_UART0);
    UART0_IBRD = UART_DIVISOR_X64 / 64u;
    UART0_FBRD = UART_DIVISOR_X64 % 64u;
    UART0_LCR_H = UART_LCR_H_8_BITS | UART_LCR_H_FIFO; /* also latches the divisor */
    UART0_CR = UART_CR_UARTEN | UART_CR_TXE;
    IO_BANK0_GPIO_CTRL(TX_PIN) = GPIO_FUNCTION_UART;
}

void hark_board_console_write(const char *text)
{
    if ((UART0_CR & UART_CR_UARTEN) == 0)
    {
        console_start();
    }
    for (; *text != '\0'; text++)
    {
        while ((UART0_FR & UART_FR_TXFF) != 0)
        {
        }
        UART0_DR = (uint8_t)*text;
    }
    /* The last character must leave the shift register before the program stops and the chip resets. */
    while ((UART0_FR & UART_FR_BUSY) != 0)
    {
    }
}
