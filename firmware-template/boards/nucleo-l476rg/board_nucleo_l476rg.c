/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware's board (product/hark_board.h) on the ST Nucleo-L476RG (STM32L476RG, RM0351), run at
 * 80 MHz from the PLL (console_nucleo_l476rg.c):
 *   - microphone: an electret microphone module with an analog output (bias at half the 3.3 V supply) on Arduino
 *     pin A0 = PA0 = ADC1 channel 5 (its analog switch closed in GPIOA_ASCR). The ADC is clocked synchronously by
 *     HCLK; TIM2 counts 80 MHz to 5000 and its update (TRGO, external trigger 11) starts each conversion: 16 kHz
 *     exactly. The end-of-conversion interrupt (ADC1_2, IRQ 18) takes each 12-bit code, removes the bias
 *     (hark_capture.h) and puts the sample in the ring;
 *   - LED: LD2, the green user LED on PA5 (Arduino D13), active high;
 *   - console: USART2 on PA2 to the ST-LINK's virtual COM port.
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_board_capture.h"
#include "stm32l4.h"

#define LED_PIN 5u
#define MIC_PIN 0u
#define MIC_CHANNEL 5u

#define RCC_AHB2ENR_ADCEN (1u << 13)
#define RCC_APB1ENR1_TIM2EN (1u << 0)

#define ADC1_BASE 0x50040000u
#define ADC1_ISR HARK_REGISTER(ADC1_BASE, 0x00u)
#define ADC1_IER HARK_REGISTER(ADC1_BASE, 0x04u)
#define ADC1_CR HARK_REGISTER(ADC1_BASE, 0x08u)
#define ADC1_CFGR HARK_REGISTER(ADC1_BASE, 0x0Cu)
#define ADC1_SMPR1 HARK_REGISTER(ADC1_BASE, 0x14u)
#define ADC1_SQR1 HARK_REGISTER(ADC1_BASE, 0x30u)
#define ADC1_DR HARK_REGISTER(ADC1_BASE, 0x40u)
#define ADC_COMMON_CCR HARK_REGISTER(0x50040300u, 0x08u)
#define ADC_CCR_CKMODE_HCLK (1u << 16)
#define ADC_ISR_ADRDY (1u << 0)
#define ADC_ISR_OVR (1u << 4)
#define ADC_IER_EOCIE (1u << 2)
#define ADC_IER_OVRIE (1u << 4)
#define ADC_CR_ADEN (1u << 0)
#define ADC_CR_ADSTART (1u << 2)
#define ADC_CR_ADVREGEN (1u << 28)
#define ADC_CR_ADCAL (1u << 31)
#define ADC_CFGR_JQDIS (1u << 31) /* its reset value, kept */
#define ADC_CFGR_EXTSEL_TIM2_TRGO (11u << 6)
#define ADC_CFGR_EXTEN_RISING (1u << 10)
#define ADC_SMP_247_5_CYCLES 6u /* 247.5 + 12.5 cycles of 80 MHz: 3.25 us of the 62.5 us */
#define ADC_REGULATOR_START_LOOPS 2000u /* > 20 us at 80 MHz, the regulator's start-up time */

#define SAMPLE_RATE_HZ 16000u


void hark_board_init(void)
{
    stm32l4_clock_start();
    stm32_pin_mode(GPIO_PORT_A, LED_PIN, GPIO_MODE_OUTPUT, 0);
    GPIO_ODR(GPIO_PORT_A) &= ~(1u << LED_PIN);
    stm32_pin_mode(GPIO_PORT_A, MIC_PIN, GPIO_MODE_ANALOG, 0);
    GPIO_ASCR(GPIO_PORT_A) |= 1u << MIC_PIN;
    hark_board_capture_init_adc(12);
}

void hark_board_led_toggle(void)
{
    GPIO_ODR(GPIO_PORT_A) ^= 1u << LED_PIN;
}

void hark_board_mic_start(void)
{
    RCC_AHB2ENR |= RCC_AHB2ENR_ADCEN;
    RCC_APB1ENR1 |= RCC_APB1ENR1_TIM2EN;
    (void)RCC_APB1ENR1;

    /* Out of deep power-down, the regulator on, calibrated (single-ended), enabled. */
    ADC_COMMON_CCR = ADC_CCR_CKMODE_HCLK;
    ADC1_CR = 0;
    ADC1_CR = ADC_CR_ADVREGEN;
    for (volatile uint32_t i = 0; i < ADC_REGULATOR_START_LOOPS; i++)
    {
    }
    ADC1_CR = ADC_CR_ADVREGEN | ADC_CR_ADCAL;
    while ((ADC1_CR & ADC_CR_ADCAL) != 0)
    {
    }
    ADC1_ISR = ADC_ISR_ADRDY;
    ADC1_CR = ADC_CR_ADVREGEN | ADC_CR_ADEN;
    while ((ADC1_ISR & ADC_ISR_ADRDY) == 0)
    {
    }

    /* One regular conversion of the microphone's channel per trigger, 12 bits, right aligned. */
    ADC1_SMPR1 = ADC_SMP_247_5_CYCLES << (3u * MIC_CHANNEL);
    ADC1_SQR1 = MIC_CHANNEL << 6; /* a sequence of 1 (L = 0), its first the microphone */
    ADC1_CFGR = ADC_CFGR_JQDIS | ADC_CFGR_EXTEN_RISING | ADC_CFGR_EXTSEL_TIM2_TRGO;
    ADC1_IER = ADC_IER_EOCIE | ADC_IER_OVRIE;
    hark_nvic_enable(HARK_BOARD_CAPTURE_IRQ);
    ADC1_CR = ADC_CR_ADVREGEN | ADC_CR_ADEN | ADC_CR_ADSTART;

    stm32_tim2_trigger_start(HARK_STM32L4_CLOCK_HZ, SAMPLE_RATE_HZ);
}

/* ADC1's interrupt: one sample. Reading DR clears the end of conversion. */
void hark_board_capture_irq_handler(void)
{
    if ((ADC1_ISR & ADC_ISR_OVR) != 0)
    {
        /* A conversion was lost (the interrupt was held off for a whole sample): count it, clear it. */
        ADC1_ISR = ADC_ISR_OVR;
        hark_board_capture_lost(1);
    }
    const uint16_t code = (uint16_t)ADC1_DR;
    hark_board_capture_push_adc(&code, 1);
}
