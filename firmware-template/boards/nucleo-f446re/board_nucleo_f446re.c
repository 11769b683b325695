/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware's board (product/hark_board.h) on the ST Nucleo-F446RE (STM32F446RE, RM0390), run at
 * 84 MHz (../common/stm32f4/clock_stm32f4_84mhz.c):
 *   - microphone: an electret microphone module with an analog output (bias at half the 3.3 V supply) on Arduino
 *     pin A0 = PA0 = ADC1 channel 0. TIM2 counts its 84 MHz clock (twice APB1's 42) to 5250 and triggers a
 *     conversion with each update (TRGO): 16 kHz exactly; the ADC's end-of-conversion interrupt (IRQ 18) takes each
 *     12-bit code, removes the bias (hark_capture.h) and puts the sample in the ring;
 *   - LED: LD2, the green user LED on PA5 (Arduino D13), active high;
 *   - console: USART2 on PA2 to the ST-LINK's virtual COM port (../common/stm32f4/console_stm32f4.c).
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_board_capture.h"
#include "stm32f4.h"

#define LED_PIN 5u
#define MIC_PIN 0u
#define MIC_CHANNEL 0u

#define RCC_APB1ENR_TIM2EN (1u << 0)
#define RCC_APB2ENR_ADC1EN (1u << 8)

#define ADC1_BASE 0x40012000u
#define ADC1_SR HARK_REGISTER(ADC1_BASE, 0x00u)
#define ADC1_CR1 HARK_REGISTER(ADC1_BASE, 0x04u)
#define ADC1_CR2 HARK_REGISTER(ADC1_BASE, 0x08u)
#define ADC1_SMPR2 HARK_REGISTER(ADC1_BASE, 0x10u)
#define ADC1_SQR1 HARK_REGISTER(ADC1_BASE, 0x2Cu)
#define ADC1_SQR3 HARK_REGISTER(ADC1_BASE, 0x34u)
#define ADC1_DR HARK_REGISTER(ADC1_BASE, 0x4Cu)
#define ADC_SR_OVR (1u << 5)
#define ADC_CR1_EOCIE (1u << 5)
#define ADC_CR1_OVRIE (1u << 26)
#define ADC_CR2_ADON (1u << 0)
#define ADC_CR2_EXTSEL_TIM2_TRGO (6u << 24)
#define ADC_CR2_EXTEN_RISING (1u << 28)
#define ADC_SMP_84_CYCLES 4u /* 84 + 12 cycles of the 21 MHz ADC clock: 4.6 us of the 62.5 us */
#define ADC_COMMON_CCR HARK_REGISTER(0x40012300u, 0x04u)
#define ADC_CCR_ADCPRE_DIVIDE_BY_4 (1u << 16) /* 84 MHz PCLK2 / 4 = 21 MHz, under the ADC's 36 MHz */

#define SAMPLE_RATE_HZ 16000u
/* APB1's timers run at the core clock: twice APB1 when it is divided (84 MHz), APB1 itself when not (16 MHz). */
#define TIMER_HZ HARK_STM32F4_CORE_HZ


void hark_board_init(void)
{
    stm32f4_clock_start();
    stm32_pin_mode(GPIO_PORT_A, LED_PIN, GPIO_MODE_OUTPUT, 0);
    GPIO_ODR(GPIO_PORT_A) &= ~(1u << LED_PIN);
    stm32_pin_mode(GPIO_PORT_A, MIC_PIN, GPIO_MODE_ANALOG, 0);
    hark_board_capture_init_adc(12);
}

void hark_board_led_toggle(void)
{
    GPIO_ODR(GPIO_PORT_A) ^= 1u << LED_PIN;
}

void hark_board_mic_start(void)
{
    RCC_APB2ENR |= RCC_APB2ENR_ADC1EN;
    RCC_APB1ENR |= RCC_APB1ENR_TIM2EN;
    (void)RCC_APB1ENR;

    /* One regular conversion of the microphone's channel per trigger, 12 bits, right aligned. */
    ADC_COMMON_CCR = ADC_CCR_ADCPRE_DIVIDE_BY_4;
    ADC1_SMPR2 = ADC_SMP_84_CYCLES << (3u * MIC_CHANNEL);
    ADC1_SQR1 = 0; /* a sequence of 1 */
    ADC1_SQR3 = MIC_CHANNEL;
    ADC1_CR1 = ADC_CR1_EOCIE | ADC_CR1_OVRIE;
    ADC1_CR2 = ADC_CR2_ADON | ADC_CR2_EXTSEL_TIM2_TRGO | ADC_CR2_EXTEN_RISING;
    hark_nvic_enable(HARK_BOARD_CAPTURE_IRQ);

    stm32_tim2_trigger_start(TIMER_HZ, SAMPLE_RATE_HZ);
}

/* The ADC's interrupt: one sample. Reading DR clears the end of conversion. */
void hark_board_capture_irq_handler(void)
{
    if ((ADC1_SR & ADC_SR_OVR) != 0)
    {
        /* A conversion was lost (the interrupt was held off for a whole sample): count it, clear it. */
        ADC1_SR = ~ADC_SR_OVR;
        hark_board_capture_lost(1);
    }
    const uint16_t code = (uint16_t)ADC1_DR;
    hark_board_capture_push_adc(&code, 1);
}
