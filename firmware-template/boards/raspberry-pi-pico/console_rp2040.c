/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The Pico's clocks and console (hark_board_console_write of product/hark_board.h), from the RP2040 Datasheet: the
 * crystal oscillator (XOSC, 12 MHz) as clk_ref and so clk_sys (the core's) and clk_peri (the UART's), the watchdog's
 * tick at 1 MHz for the timer; UART0 (an Arm PL011) at 115200 baud, 8N1, transmit only, on GP0. It sets itself up
 * on first use, so the benchmarks (bench_rp2040.c) can write before anything else.
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
#define XOSC_STARTUP_1MS 47u /* 1 ms of 12 MHz in units of 256 cycles */

#define CLOCKS_BASE 0x40008000u
#define CLK_REF_CTRL HARK_REGISTER(CLOCKS_BASE, 0x30u)
#define CLK_REF_SELECTED HARK_REGISTER(CLOCKS_BASE, 0x38u)
#define CLK_PERI_CTRL HARK_REGISTER(CLOCKS_BASE, 0x48u)
#define CLK_REF_SRC_XOSC 2u
#define CLK_REF_SELECTED_XOSC (1u << 2)
#define CLK_CTRL_ENABLE (1u << 11)
#define CLK_PERI_AUXSRC_CLK_SYS (0u << 5)

#define WATCHDOG_TICK HARK_REGISTER(0x40058000u, 0x2Cu)
#define WATCHDOG_TICK_ENABLE (1u << 9)
#define CLOCK_MHZ 12u

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
#define UART_CLOCK_HZ (CLOCK_MHZ * 1000000u)
/* The PL011's divisor, clock / (16 baud), in 16.6 fixed point, rounded: 6 + 33/64 for 115200 at 12 MHz. */
#define UART_DIVISOR_X64 ((4u * UART_CLOCK_HZ + CONSOLE_BAUD / 2u) / CONSOLE_BAUD)

void rp2040_clock_start(void)
{
    if (CLK_REF_SELECTED == CLK_REF_SELECTED_XOSC)
    {
        return;
    }
    XOSC_STARTUP = XOSC_STARTUP_1MS;
    XOSC_CTRL = XOSC_CTRL_RANGE_1_15MHZ | XOSC_CTRL_ENABLE;
    while ((XOSC_STATUS & XOSC_STATUS_STABLE) == 0)
    {
    }
    /* clk_ref's source is glitchless: switch and wait; clk_sys follows clk_ref (its reset source). */
    CLK_REF_CTRL = CLK_REF_SRC_XOSC;
    while (CLK_REF_SELECTED != CLK_REF_SELECTED_XOSC)
    {
    }
    CLK_PERI_CTRL = CLK_CTRL_ENABLE | CLK_PERI_AUXSRC_CLK_SYS;
    WATCHDOG_TICK = WATCHDOG_TICK_ENABLE | CLOCK_MHZ;
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
