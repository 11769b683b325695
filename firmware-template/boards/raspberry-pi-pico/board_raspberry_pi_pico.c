/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware's board (product/hark_board.h) on the Raspberry Pi Pico (RP2040 Datasheet), run at 125 MHz
 * from PLL_SYS (console_rp2040.c):
 *   - microphone: an electret microphone module with an analog output (bias at half the 3.3 V supply) on GP26 =
 *     ADC input 0, its pad's digital input and output off. clk_adc is the 12 MHz crystal, not clk_sys, so the
 *     sample timing does not follow the core clock: the ADC converts back to back every 750 clk_adc cycles (DIV
 *     749: 16 kHz exactly; a conversion needs 96) into its FIFO. (The datasheet's clk_adc is 48 MHz, from PLL_USB,
 *     which hark does not start; here a conversion takes 8 us of the 62.5 us instead of 2.) The FIFO's interrupt
 *     (ADC_IRQ_FIFO, IRQ 22) fires at 2 samples (so one late interrupt loses nothing in the 4-deep FIFO), takes
 *     them, removes the bias (hark_capture.h) and puts them in the ring;
 *   - LED: the green LED on GP25, active high;
 *   - console: UART0 TX on GP0.
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_board_capture.h"
#include "rp2040.h"

#define LED_PIN 25u
#define MIC_PIN 26u
#define MIC_INPUT 0u

#define CLK_ADC_CTRL HARK_REGISTER(0x40008000u, 0x60u)
#define CLK_CTRL_ENABLE (1u << 11)
#define CLK_ADC_AUXSRC_XOSC (3u << 5)

#define ADC_BASE 0x4004C000u
#define ADC_CS HARK_REGISTER(ADC_BASE, 0x00u)
#define ADC_FCS HARK_REGISTER(ADC_BASE, 0x08u)
#define ADC_FIFO HARK_REGISTER(ADC_BASE, 0x0Cu)
#define ADC_DIV HARK_REGISTER(ADC_BASE, 0x10u)
#define ADC_INTE HARK_REGISTER(ADC_BASE, 0x18u)
#define ADC_CS_EN (1u << 0)
#define ADC_CS_START_MANY (1u << 3)
#define ADC_CS_READY (1u << 8)
#define ADC_CS_AINSEL(n) ((n) << 12)
#define ADC_FCS_EN (1u << 0)
#define ADC_FCS_UNDER (1u << 10)
#define ADC_FCS_OVER (1u << 11)
#define ADC_FCS_LEVEL(fcs) (((fcs) >> 16) & 0xFu)
#define ADC_FCS_THRESH(n) ((n) << 24)
#define ADC_INTE_FIFO (1u << 0)
#define ADC_CLOCK_HZ RP2040_XOSC_HZ /* clk_adc */
#define SAMPLE_RATE_HZ 16000u


void hark_board_init(void)
{
    rp2040_clock_start();
    rp2040_unreset(RESET_IO_BANK0 | RESET_PADS_BANK0);
    SIO_GPIO_OUT_CLR = 1u << LED_PIN;
    SIO_GPIO_OE_SET = 1u << LED_PIN;
    IO_BANK0_GPIO_CTRL(LED_PIN) = GPIO_FUNCTION_SIO;
    /* An analog input: no digital input buffer (it would draw current at mid-supply), no output driver. */
    PADS_BANK0_GPIO(MIC_PIN) = (PADS_BANK0_GPIO(MIC_PIN) & ~PADS_GPIO_IE) | PADS_GPIO_OD;
    IO_BANK0_GPIO_CTRL(MIC_PIN) = GPIO_FUNCTION_NULL;
    hark_board_capture_init_adc(12);
}

void hark_board_led_toggle(void)
{
    SIO_GPIO_OUT_XOR = 1u << LED_PIN;
}

void hark_board_mic_start(void)
{
    CLK_ADC_CTRL = CLK_CTRL_ENABLE | CLK_ADC_AUXSRC_XOSC;
    rp2040_unreset(RESET_ADC);
    ADC_CS = ADC_CS_EN | ADC_CS_AINSEL(MIC_INPUT);
    while ((ADC_CS & ADC_CS_READY) == 0)
    {
    }
    ADC_DIV = (ADC_CLOCK_HZ / SAMPLE_RATE_HZ - 1u) << 8; /* a sample every 1 + 749 cycles */
    ADC_FCS = ADC_FCS_EN | ADC_FCS_THRESH(2u) | ADC_FCS_OVER | ADC_FCS_UNDER;
    ADC_INTE = ADC_INTE_FIFO;
    hark_nvic_enable(HARK_BOARD_CAPTURE_IRQ);
    ADC_CS = ADC_CS_EN | ADC_CS_AINSEL(MIC_INPUT) | ADC_CS_START_MANY;
}

/* The ADC FIFO's interrupt: everything in the FIFO (its level falls below the threshold, which ends the request). */
void hark_board_capture_irq_handler(void)
{
    uint16_t codes[4];
    const uint32_t fcs = ADC_FCS;
    if ((fcs & ADC_FCS_OVER) != 0)
    {
        /* The FIFO overflowed (the interrupt was held off for 3 samples): at least one sample lost. */
        ADC_FCS = fcs | ADC_FCS_OVER;
        hark_board_capture_lost(1);
    }
    const uint32_t level = ADC_FCS_LEVEL(fcs);
    for (uint32_t i = 0; i < level && i < 4u; i++)
    {
        codes[i] = (uint16_t)(ADC_FIFO & 0xFFFu);
    }
    const size_t count = level < 4u ? level : 4u;
    hark_board_capture_push_adc(codes, count);
}
