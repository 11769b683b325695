/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The pure parts of the product firmware's microphone drivers, shared by every board and tested on the host
 * (test/capture_test.c): the ring of 10 ms blocks an interrupt fills and the main loop empties, and the conversion
 * of an ADC's unsigned codes to the signed 16 kHz PCM the listening engine takes. No heap, no global state, no
 * peripheral: the board's driver owns a hark_capture_ring and a hark_adc_dc_remover and calls these.
 *
 * The ring has one producer (the microphone's interrupt) and one consumer (the main loop) on one core. The producer
 * fills the block after the newest full one; the consumer reads the oldest full block in place and releases it when
 * done, so no sample is copied twice. When every block is full the producer drops what it gets and counts it (the
 * network fell behind real time): the blocks the consumer sees are then still whole, in order, each 10 ms of
 * consecutive audio.
 */

#ifndef HARK_CAPTURE_H
#define HARK_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** 10 ms at 16 kHz: the block the main loop hands to hark_kws_process(). */
#define HARK_CAPTURE_BLOCK_SAMPLES 160u
/** Blocks in the ring: 40 ms for the network step that takes longer than one block's time. A power of two. */
#define HARK_CAPTURE_BLOCKS 4u

/** The ring; owned by the caller (a static of the board's driver), set up by hark_capture_init(). */
typedef struct
{
    int16_t blocks[HARK_CAPTURE_BLOCKS][HARK_CAPTURE_BLOCK_SAMPLES];
    volatile uint32_t filled;   /**< blocks the producer has completed, modulo 2^32 */
    volatile uint32_t released; /**< blocks the consumer has released, modulo 2^32 */
    volatile uint32_t dropped;  /**< samples the producer dropped because every block was full */
    uint32_t fill;              /**< samples in the block being filled; the producer's alone */
} hark_capture_ring;

/** @brief Empties the ring. */
void hark_capture_init(hark_capture_ring *ring);

/**
 * @brief The producer's call (an interrupt handler): appends samples, completing blocks as they fill.
 *
 * @param[in] samples `count` samples in time order; may be NULL when count is 0
 */
void hark_capture_push(hark_capture_ring *ring, const int16_t *samples, size_t count);

/** @brief The consumer's call: the oldest full block, or NULL while there is none; it stays put until released. */
const int16_t *hark_capture_block(const hark_capture_ring *ring);

/** @brief The consumer's call: gives the block hark_capture_block() returned back to the producer. */
void hark_capture_release(hark_capture_ring *ring);

/**
 * An ADC's codes to PCM: the code scaled to 16 bits, less its running mean (an electret microphone on an ADC pin
 * sits on a bias near half the supply, which must not reach the front end as a DC offset of thousands). The mean
 * is a one-pole average over 2^HARK_ADC_DC_SHIFT samples (16 ms at 16 kHz: a high-pass corner near 10 Hz, below
 * speech), kept in integers so the same codes always give the same samples.
 */
#define HARK_ADC_DC_SHIFT 8u

typedef struct
{
    uint32_t bits;    /**< the ADC's resolution, 8 to 16 */
    int32_t mean_q8;  /**< the running mean of the 16-bit scaled codes, times 2^HARK_ADC_DC_SHIFT */
} hark_adc_dc_remover;

/**
 * @brief Starts at mid-scale (the bias of a microphone biased at half the reference), so the first samples are near 0.
 *
 * @param[in] bits the ADC's resolution, 8 to 16 (12 on the STM32 and RP2040 ADCs)
 */
void hark_adc_dc_remover_init(hark_adc_dc_remover *remover, uint32_t bits);

/**
 * @brief Converts `count` codes (the ADC's right-aligned data, only its low `bits` bits used) to PCM, saturated to
 *        int16.
 */
void hark_adc_to_pcm(hark_adc_dc_remover *remover, const uint16_t *codes, size_t count, int16_t *pcm);

#ifdef __cplusplus
}
#endif

#endif /* HARK_CAPTURE_H */
