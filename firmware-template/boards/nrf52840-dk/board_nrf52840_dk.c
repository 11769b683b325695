/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware's board (product/hark_board.h) on the Nordic nRF52840 DK (nRF52840 Product Specification):
 *   - microphone: an external PDM microphone (a breakout with its select pin low: data on the clock's falling
 *     edge, the PDM peripheral's left channel), clock on P0.26, data on P0.27 (free when no I2C shield uses
 *     them). The PDM peripheral clocks it at 1.28 MHz and decimates by 80 itself: 16 kHz int16 PCM, mono, at its
 *     default 0 dB gain, by EasyDMA into two 10 ms buffers in turn. On STARTED (a buffer taken) the driver names
 *     the next one; on END (a buffer full) its interrupt (PDM, IRQ 29) puts the full buffer's 160 samples in the
 *     ring. No conversion: the peripheral's PCM is the engine's;
 *   - LED: LED1 on P0.13, active low;
 *   - console: UARTE0 on P0.06 to the J-Link OB's virtual COM port (console_nrf52840_dk.c).
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_board_capture.h"
#include "nrf52840.h"

#define LED_PIN 13u
#define PDM_CLOCK_PIN 26u
#define PDM_DATA_PIN 27u

#define PDM_BASE 0x4001D000u
#define PDM_TASKS_START HARK_REGISTER(PDM_BASE, 0x000u)
#define PDM_EVENTS_STARTED HARK_REGISTER(PDM_BASE, 0x100u)
#define PDM_EVENTS_END HARK_REGISTER(PDM_BASE, 0x108u)
#define PDM_INTENSET HARK_REGISTER(PDM_BASE, 0x304u)
#define PDM_ENABLE HARK_REGISTER(PDM_BASE, 0x500u)
#define PDM_PDMCLKCTRL HARK_REGISTER(PDM_BASE, 0x504u)
#define PDM_MODE HARK_REGISTER(PDM_BASE, 0x508u)
#define PDM_RATIO HARK_REGISTER(PDM_BASE, 0x520u)
#define PDM_PSEL_CLK HARK_REGISTER(PDM_BASE, 0x540u)
#define PDM_PSEL_DIN HARK_REGISTER(PDM_BASE, 0x544u)
#define PDM_SAMPLE_PTR HARK_REGISTER(PDM_BASE, 0x560u)
#define PDM_SAMPLE_MAXCNT HARK_REGISTER(PDM_BASE, 0x564u)
#define PDM_INT_STARTED (1u << 0)
#define PDM_INT_END (1u << 2)
#define PDM_CLOCK_1280K 0x0A000000u
#define PDM_RATIO_80 1u
#define PDM_MODE_MONO_LEFT_FALLING 1u

static int16_t dma_buffers[2][HARK_CAPTURE_BLOCK_SAMPLES];
static uint32_t filling; /* the buffer EasyDMA writes */

void hark_board_init(void)
{
    nrf52840_clock_start();
    P0_OUTSET = 1u << LED_PIN; /* off */
    P0_DIRSET = 1u << LED_PIN;
    hark_board_capture_init();
}

void hark_board_led_toggle(void)
{
    P0_OUT ^= 1u << LED_PIN;
}

void hark_board_mic_start(void)
{
    PDM_PSEL_CLK = PDM_CLOCK_PIN; /* port 0, connected */
    PDM_PSEL_DIN = PDM_DATA_PIN;
    PDM_PDMCLKCTRL = PDM_CLOCK_1280K;
    PDM_RATIO = PDM_RATIO_80;
    PDM_MODE = PDM_MODE_MONO_LEFT_FALLING;
    filling = 0;
    PDM_SAMPLE_PTR = (uint32_t)(uintptr_t)dma_buffers[0];
    PDM_SAMPLE_MAXCNT = HARK_CAPTURE_BLOCK_SAMPLES;
    PDM_EVENTS_STARTED = 0;
    PDM_EVENTS_END = 0;
    PDM_INTENSET = PDM_INT_STARTED | PDM_INT_END;
    hark_nvic_enable(HARK_BOARD_CAPTURE_IRQ);
    PDM_ENABLE = 1;
    PDM_TASKS_START = 1;
}

/* The PDM peripheral's interrupt: END before STARTED, as they happen when one buffer follows the other. */
void hark_board_capture_irq_handler(void)
{
    if (PDM_EVENTS_END != 0)
    {
        PDM_EVENTS_END = 0;
        hark_board_capture_push(dma_buffers[filling], HARK_CAPTURE_BLOCK_SAMPLES);
        filling ^= 1u;
    }
    if (PDM_EVENTS_STARTED != 0)
    {
        PDM_EVENTS_STARTED = 0;
        /* The buffer just taken is `filling`; the next END switches to the other. */
        PDM_SAMPLE_PTR = (uint32_t)(uintptr_t)dma_buffers[filling ^ 1u];
    }
}
