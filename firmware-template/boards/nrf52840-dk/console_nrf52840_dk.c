/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The nRF52840 DK's clock and console (hark_board_console_write of product/hark_board.h), from the nRF52840 Product
 * Specification: the high-frequency clock from the 32 MHz crystal (the UART's and the PDM's clocks are within
 * 40 ppm then, not the internal oscillator's 1.5 %), and UARTE0 at 115200 baud, 8N1, transmit only, on P0.06, which
 * the J-Link OB carries to the host as a virtual COM port. UARTE sends by EasyDMA from RAM, so the text goes through
 * a small RAM buffer (string constants are in flash). It sets itself up on first use, so the benchmarks
 * (bench_dwt.c) can write before anything else.
 */

#include <stdint.h>

#include "hark_board.h"
#include "nrf52840.h"

#define UARTE0_BASE 0x40002000u
#define UARTE0_TASKS_STARTTX HARK_REGISTER(UARTE0_BASE, 0x008u)
#define UARTE0_TASKS_STOPTX HARK_REGISTER(UARTE0_BASE, 0x00Cu)
#define UARTE0_EVENTS_ENDTX HARK_REGISTER(UARTE0_BASE, 0x120u)
#define UARTE0_EVENTS_TXSTOPPED HARK_REGISTER(UARTE0_BASE, 0x158u)
#define UARTE0_ENABLE HARK_REGISTER(UARTE0_BASE, 0x500u)
#define UARTE0_PSEL_TXD HARK_REGISTER(UARTE0_BASE, 0x50Cu)
#define UARTE0_BAUDRATE HARK_REGISTER(UARTE0_BASE, 0x524u)
#define UARTE0_TXD_PTR HARK_REGISTER(UARTE0_BASE, 0x544u)
#define UARTE0_TXD_MAXCNT HARK_REGISTER(UARTE0_BASE, 0x548u)
#define UARTE0_CONFIG HARK_REGISTER(UARTE0_BASE, 0x56Cu)
#define UARTE_ENABLE_ENABLED 8u
#define UARTE_BAUDRATE_115200 0x01D7E000u
#define TX_PIN 6u

void nrf52840_clock_start(void)
{
    if ((CLOCK_HFCLKSTAT & CLOCK_HFCLKSTAT_RUNNING_XTAL) == CLOCK_HFCLKSTAT_RUNNING_XTAL)
    {
        return;
    }
    CLOCK_EVENTS_HFCLKSTARTED = 0;
    CLOCK_TASKS_HFCLKSTART = 1;
    while (CLOCK_EVENTS_HFCLKSTARTED == 0)
    {
    }
}

static void console_start(void)
{
    nrf52840_clock_start();
    /* The TX line idles high, also while UARTE is not driving it. */
    P0_OUTSET = 1u << TX_PIN;
    P0_DIRSET = 1u << TX_PIN;
    UARTE0_PSEL_TXD = TX_PIN; /* port 0, connected */
    UARTE0_BAUDRATE = UARTE_BAUDRATE_115200;
    UARTE0_CONFIG = 0; /* no parity, one stop bit, no flow control */
    UARTE0_ENABLE = UARTE_ENABLE_ENABLED;
}

void hark_board_console_write(const char *text)
{
    static uint8_t chunk[64];
    if (UARTE0_ENABLE != UARTE_ENABLE_ENABLED)
    {
        console_start();
    }
    while (*text != '\0')
    {
        uint32_t length = 0;
        while (length < sizeof(chunk) && text[length] != '\0')
        {
            chunk[length] = (uint8_t)text[length];
            length++;
        }
        text += length;
        UARTE0_TXD_PTR = (uint32_t)(uintptr_t)chunk;
        UARTE0_TXD_MAXCNT = length;
        UARTE0_EVENTS_ENDTX = 0;
        UARTE0_TASKS_STARTTX = 1;
        while (UARTE0_EVENTS_ENDTX == 0)
        {
        }
    }
    /* Stopping waits for the last character to leave, before the program stops and the chip resets. */
    UARTE0_EVENTS_TXSTOPPED = 0;
    UARTE0_TASKS_STOPTX = 1;
    while (UARTE0_EVENTS_TXSTOPPED == 0)
    {
    }
}
