/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware's board (product/hark_board.h) on the ST STM32F4-Discovery (STM32F407VG, RM0090), run at
 * 84 MHz (../common/stm32f4/clock_stm32f4_84mhz.c):
 *   - microphone: the on-board MP45DT02 PDM microphone, clock on PB10 (I2S2_CK), data on PC3 (I2S2_SD), both
 *     alternate function 5. I2S2 is a master receiver of 16-bit frames whose bit clock is the microphone's PDM
 *     clock: the PLLI2S makes 128 MHz from the main PLL's input (HSI / PLLM: 2 MHz, N = 128, R = 2; N follows
 *     PLLM) and I2S2 divides it by 2 * 62 + 1 = 125: 1.024 MHz, 64 PDM bits a 16 kHz sample. Every received
 *     half-word is 16 consecutive PDM bits, the earliest in bit 15. DMA1 stream 3 (channel 0, SPI2_RX) copies them
 *     into a circular buffer of two halves of 1 ms each; its half- and full-transfer interrupt (IRQ 14) decimates
 *     the half just filled to 16 PCM samples (hark-audio's decimator, bit-exact with the Java reference) and puts
 *     them in the ring;
 *   - LED: LD4, the green LED on PD12, active high;
 *   - console: USART2 TX on PA2 (../common/stm32f4/console_stm32f4.c), read with a USB-serial adapter.
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_board_capture.h"
#include "hark_pdm.h"
#include "stm32f4.h"

#define LED_PIN 12u /* port D */
#define PDM_CLOCK_PIN 10u /* port B */
#define PDM_DATA_PIN 3u /* port C */
#define I2S2_ALTERNATE_FUNCTION 5u

#define RCC_PLLI2SCFGR HARK_REGISTER(RCC_BASE, 0x84u)
#define RCC_CR_PLLI2SON (1u << 26)
#define RCC_CR_PLLI2SRDY (1u << 27)
#define RCC_PLLCFGR HARK_REGISTER(RCC_BASE, 0x04u)
#define PLLCFGR_PLLM_MASK 0x3Fu
/* I2SCLK = 16 MHz / PLLM * N / R = 128 MHz: N = 16 PLLM with R = 2 (a VCO of 256 MHz, within 100 to 432). */
#define PLLI2S_N_PER_PLLM 16u
#define PLLI2S_R 2u
#define RCC_AHB1ENR_DMA1EN (1u << 21)
#define RCC_APB1ENR_SPI2EN (1u << 14)

#define SPI2_BASE 0x40003800u
#define SPI2_CR2 HARK_REGISTER(SPI2_BASE, 0x04u)
#define SPI2_DR_ADDRESS (SPI2_BASE + 0x0Cu)
#define SPI2_I2SCFGR HARK_REGISTER(SPI2_BASE, 0x1Cu)
#define SPI2_I2SPR HARK_REGISTER(SPI2_BASE, 0x20u)
#define SPI_CR2_RXDMAEN (1u << 0)
#define I2SCFGR_I2SMOD (1u << 11)
#define I2SCFGR_I2SE (1u << 10)
#define I2SCFGR_MASTER_RECEIVE (3u << 8)
#define I2SPR_DIV 62u
#define I2SPR_ODD (1u << 8)

#define DMA1_BASE 0x40026000u
#define DMA1_LISR HARK_REGISTER(DMA1_BASE, 0x00u)
#define DMA1_LIFCR HARK_REGISTER(DMA1_BASE, 0x08u)
#define DMA1_S3CR HARK_REGISTER(DMA1_BASE, 0x58u)
#define DMA1_S3NDTR HARK_REGISTER(DMA1_BASE, 0x5Cu)
#define DMA1_S3PAR HARK_REGISTER(DMA1_BASE, 0x60u)
#define DMA1_S3M0AR HARK_REGISTER(DMA1_BASE, 0x64u)
#define DMA_LISR_HTIF3 (1u << 26)
#define DMA_LISR_TCIF3 (1u << 27)
#define DMA_LISR_STREAM3_FLAGS (0x3Du << 22) /* FEIF3, DMEIF3, TEIF3, HTIF3, TCIF3 */
#define DMA_SCR_EN (1u << 0)
#define DMA_SCR_HTIE (1u << 3)
#define DMA_SCR_TCIE (1u << 4)
#define DMA_SCR_CIRC (1u << 8)
#define DMA_SCR_MINC (1u << 10)
#define DMA_SCR_PSIZE_16 (1u << 11)
#define DMA_SCR_MSIZE_16 (1u << 13)
#define DMA_SCR_CHANNEL_0 (0u << 25)

/* 1 ms of PDM a half: 64 half-words = 1024 bits = 16 samples at decimation 64. */
#define HALF_WORDS 64u
#define PDM_DECIMATION 64u
#define PDM_GAIN_Q8 (16 * 256) /* +24 dB: the MP45DT02's -26 dBFS sensitivity brings speech near full scale */

static uint16_t dma_buffer[2u * HALF_WORDS];
static hark_pdm_state pdm;

void hark_board_init(void)
{
    stm32f4_clock_start();
    stm32_pin_mode(GPIO_PORT_D, LED_PIN, GPIO_MODE_OUTPUT, 0);
    GPIO_ODR(GPIO_PORT_D) &= ~(1u << LED_PIN);
    hark_board_capture_init();
    const hark_pdm_config config = {PDM_DECIMATION, HARK_PDM_MSB_FIRST, PDM_GAIN_Q8};
    (void)hark_pdm_init(&pdm, &config); /* constant, valid settings */
}

void hark_board_led_toggle(void)
{
    GPIO_ODR(GPIO_PORT_D) ^= 1u << LED_PIN;
}

void hark_board_mic_start(void)
{
    /* The I2S clock: PLLI2S, from the main PLL's input (HSI / PLLM). */
    const uint32_t plli2s_n = PLLI2S_N_PER_PLLM * (RCC_PLLCFGR & PLLCFGR_PLLM_MASK);
    RCC_PLLI2SCFGR = (PLLI2S_R << 28) | (plli2s_n << 6);
    RCC_CR |= RCC_CR_PLLI2SON;
    while ((RCC_CR & RCC_CR_PLLI2SRDY) == 0)
    {
    }

    stm32_pin_mode(GPIO_PORT_B, PDM_CLOCK_PIN, GPIO_MODE_ALTERNATE, I2S2_ALTERNATE_FUNCTION);
    stm32_pin_mode(GPIO_PORT_C, PDM_DATA_PIN, GPIO_MODE_ALTERNATE, I2S2_ALTERNATE_FUNCTION);
    RCC_AHB1ENR |= RCC_AHB1ENR_DMA1EN;
    RCC_APB1ENR |= RCC_APB1ENR_SPI2EN;
    (void)RCC_APB1ENR;

    DMA1_S3CR = 0;
    while ((DMA1_S3CR & DMA_SCR_EN) != 0)
    {
    }
    DMA1_LIFCR = DMA_LISR_STREAM3_FLAGS;
    DMA1_S3PAR = SPI2_DR_ADDRESS;
    DMA1_S3M0AR = (uint32_t)(uintptr_t)dma_buffer;
    DMA1_S3NDTR = 2u * HALF_WORDS;
    DMA1_S3CR = DMA_SCR_CHANNEL_0 | DMA_SCR_MSIZE_16 | DMA_SCR_PSIZE_16 | DMA_SCR_MINC | DMA_SCR_CIRC |
                DMA_SCR_TCIE | DMA_SCR_HTIE | DMA_SCR_EN;
    hark_nvic_enable(HARK_BOARD_CAPTURE_IRQ);

    /* Philips standard, 16-bit frames (the reset's), master receive; the bit clock I2SCLK / (2 DIV + ODD). */
    SPI2_I2SPR = I2SPR_ODD | I2SPR_DIV;
    SPI2_I2SCFGR = I2SCFGR_I2SMOD | I2SCFGR_MASTER_RECEIVE;
    SPI2_CR2 = SPI_CR2_RXDMAEN;
    SPI2_I2SCFGR |= I2SCFGR_I2SE;
}

/* DMA1 stream 3: a half of the buffer is full (the other is being filled); decimate it. */
void hark_board_capture_irq_handler(void)
{
    const uint32_t flags = DMA1_LISR;
    DMA1_LIFCR = flags & DMA_LISR_STREAM3_FLAGS;
    int16_t pcm[HARK_PDM_MAX_SAMPLES(2u * HALF_WORDS)];
    if ((flags & DMA_LISR_HTIF3) != 0)
    {
        const size_t n = hark_pdm_push_words(&pdm, &dma_buffer[0], HALF_WORDS, pcm);
        hark_board_capture_push(pcm, n);
    }
    if ((flags & DMA_LISR_TCIF3) != 0)
    {
        const size_t n = hark_pdm_push_words(&pdm, &dma_buffer[HALF_WORDS], HALF_WORDS, pcm);
        hark_board_capture_push(pcm, n);
    }
}
