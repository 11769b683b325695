/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark PDM decimator: the 1-bit stream of a PDM microphone (1.024, 1.28 or 2.048 MHz clock) in, the 16 kHz int16
 * PCM the front end (hark_frontend.h) takes out. Bit for bit what the Java reference computes
 * (sim, dev.hark.sim.audio.PdmDecimator); docs/pdm.md gives the design and its reasons.
 *
 * The chain: sinc^5 decimating by 8 R (a byte look-up for the first 8, integrators and combs for R = 4, 5 or 8),
 * a 71-tap FIR decimating by 2 that also flattens the sinc^5 droop (flat within 0.03 dB to 7 kHz, at least 69 dB
 * down from 9 kHz), a DC blocker (-3 dB at 10 Hz) and a gain, saturated to int16.
 *
 * Integer arithmetic only, 32-bit with one 64-bit product per 32 kHz and per 16 kHz sample, no heap, no global
 * state: the caller owns a hark_pdm_state. The constants come from hark_pdm_tables.h/.c, generated from the Java
 * side (a test checks they match). Relies on >> of a negative value being an arithmetic shift and on the
 * conversion of an out-of-range uint32_t to int32_t wrapping, as with GCC, Clang and Arm Compiler.
 *
 * Bits in time order. A byte's earliest bit is its most significant one with HARK_PDM_MSB_FIRST (SPI and I2S
 * peripherals, e.g. STM32), its least significant one with HARK_PDM_LSB_FIRST (e.g. an RP2040 PIO program shifting
 * right). A 16-bit word (hark_pdm_push_words) is a 16-bit shift register: with MSB_FIRST bit 15 is the earliest,
 * so a buffer of STM32 I2S half-words can be passed as it is; as bytes on a little-endian core it would have its
 * byte pairs swapped.
 *
 *     static hark_pdm_state pdm;
 *     const hark_pdm_config config = {64, HARK_PDM_MSB_FIRST, 16 * 256};   // 1.024 MHz, +24 dB
 *     int16_t pcm[HARK_PDM_MAX_SAMPLES(sizeof dma_half)];
 *
 *     hark_pdm_init(&pdm, &config);
 *     for (;;) {
 *         size_t n = hark_pdm_push_bytes(&pdm, next_dma_half(), sizeof dma_half, pcm);
 *         ... hand pcm[0..n) to the front end ...
 *     }
 *
 * How the stream is split into calls does not matter: sample k comes out with the byte that completes
 * decimation / 8 * (k + 1) bytes.
 */

#ifndef HARK_PDM_H
#define HARK_PDM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hark_pdm_tables.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Which bit of a byte or word is the earliest PDM sample. */
typedef enum
{
    HARK_PDM_MSB_FIRST = 0,
    HARK_PDM_LSB_FIRST = 1
} hark_pdm_bit_order;

/** How the microphone is clocked and read. */
typedef struct
{
    uint32_t decimation;          /**< PDM clock / 16 kHz: 64 (1.024 MHz), 80 (1.28 MHz) or 128 (2.048 MHz) */
    hark_pdm_bit_order bit_order; /**< the earliest bit of each byte or word */
    int32_t gain_q8;              /**< 256 = 0 dB (full-scale PDM gives full-scale PCM); 1..65536 */
} hark_pdm_config;

/**
 * Everything the decimator keeps between calls (364 bytes). Owned by the caller; set up with hark_pdm_init()
 * and only changed by the hark_pdm_* functions. One state per microphone.
 */
typedef struct
{
    uint32_t history;                            /**< the previous 4 bytes as they arrived, the newest lowest */
    bool lsb_first;                              /**< read bytes through the bit-reversed byte sums */
    uint32_t cic_decimation;                     /**< R: bytes per CIC output */
    int32_t cic_multiplier;                      /**< CIC output to Q14: (value * multiplier) >> 32, rounded */
    int32_t gain_q8;
    uint32_t cic_countdown;                      /**< bytes until the next CIC output */
    uint32_t integrators[HARK_PDM_CIC_ORDER];    /**< wrap modulo 2^32, as a CIC's integrators may */
    uint32_t combs[HARK_PDM_CIC_ORDER];          /**< each comb's previous input */
    int16_t fir_line[2 * HARK_PDM_FIR_TAPS];     /**< Q14 input, written twice so every window is contiguous */
    uint32_t fir_position;                       /**< where the next input goes; the window starts here */
    uint32_t fir_phase;                          /**< CIC outputs since the last FIR output */
    int32_t dc_input;                            /**< the DC blocker's previous input and output */
    int32_t dc_output;
} hark_pdm_state;

/** Room for the samples one push of `bytes` bytes can give (at decimation 64; fewer at 80 and 128). */
#define HARK_PDM_MAX_SAMPLES(bytes) ((bytes) / HARK_PDM_MIN_BYTES_PER_SAMPLE + 1u)

/**
 * @brief Starts a stream that has heard silence forever: alternating bits, 0 first (bytes 0x55 MSB first, 0xAA LSB
 *        first), give exactly 0 from the first sample.
 *
 * @param[out] state  The state to set up.
 * @param[in]  config The clock, bit order and gain.
 *
 * @return false, leaving the state unusable, if a setting is out of range.
 */
bool hark_pdm_init(hark_pdm_state *state, const hark_pdm_config *config);

/**
 * @brief Consumes PDM bytes in time order and writes the PCM samples they complete.
 *
 * @param[in, out] state The stream's state.
 * @param[in]      pdm   `count` bytes; may be NULL when count is 0.
 * @param[out]     pcm   Room for HARK_PDM_MAX_SAMPLES(count) samples.
 *
 * @return the samples written.
 */
size_t hark_pdm_push_bytes(hark_pdm_state *state, const uint8_t *pdm, size_t count, int16_t *pcm);

/**
 * @brief As hark_pdm_push_bytes(), for 16-bit words: with MSB_FIRST the high byte is the earlier, with LSB_FIRST
 *        the low byte.
 *
 * @param[out] pcm Room for HARK_PDM_MAX_SAMPLES(2 * count) samples.
 */
size_t hark_pdm_push_words(hark_pdm_state *state, const uint16_t *pdm, size_t count, int16_t *pcm);

#ifdef __cplusplus
}
#endif

#endif /* HARK_PDM_H */
