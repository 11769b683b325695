/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark PDM decimator (PdmDecimator in Java, step for step). See hark_pdm.h and docs/pdm.md.
 */

#include "hark_pdm.h"

/* The per-byte loop names the five integrators and the four bytes of history one by one (registers, not arrays). */
#if HARK_PDM_CIC_ORDER != 5 || HARK_PDM_BYTE_SPAN != 5
#error "hark_pdm_decimator.c is written for a sinc^5 spanning 5 bytes"
#endif
/* fir_sum() takes the pairs of taps five at a time. */
#if HARK_PDM_FIR_HALF % 5 != 0
#error "hark_pdm_decimator.c is written for a FIR whose half length is a multiple of 5"
#endif

/* Words converted to bytes per call of hark_pdm_push_bytes (a 64-byte stack buffer). */
#define WORD_BLOCK 32u

/* Silence as the bytes hold it: alternating bits, 0 first, whichever bit comes first (0x55 MSB first, 0xAA LSB
 * first). The first stage maps any four bytes of alternating bits to exactly 0. */
#define SILENCE_MSB_FIRST 0x55555555u
#define SILENCE_LSB_FIRST 0xAAAAAAAAu

bool hark_pdm_init(hark_pdm_state *state, const hark_pdm_config *config)
{
    const hark_pdm_decimation *setting = NULL;
    for (uint32_t i = 0; i < HARK_PDM_DECIMATION_COUNT; i++)
    {
        if (hark_pdm_decimations[i].decimation == config->decimation)
        {
            setting = &hark_pdm_decimations[i];
        }
    }
    if (setting == NULL || config->gain_q8 < 1 || config->gain_q8 > HARK_PDM_MAX_GAIN_Q8 ||
        (config->bit_order != HARK_PDM_MSB_FIRST && config->bit_order != HARK_PDM_LSB_FIRST))
    {
        return false;
    }
    /* Silence forever: alternating bits, which the first stage maps to exactly 0, so the zeroed integrators and
     * combs agree with them. */
    state->history = config->bit_order == HARK_PDM_LSB_FIRST ? SILENCE_LSB_FIRST : SILENCE_MSB_FIRST;
    state->lsb_first = config->bit_order == HARK_PDM_LSB_FIRST;
    state->cic_decimation = setting->cic_decimation;
    state->cic_multiplier = setting->multiplier;
    state->gain_q8 = config->gain_q8;
    state->cic_countdown = setting->cic_decimation;
    for (uint32_t i = 0; i < HARK_PDM_CIC_ORDER; i++)
    {
        state->integrators[i] = 0;
        state->combs[i] = 0;
    }
    for (uint32_t i = 0; i < 2 * HARK_PDM_FIR_TAPS; i++)
    {
        state->fir_line[i] = 0;
    }
    state->fir_position = 0;
    state->fir_phase = 0;
    state->dc_input = 0;
    state->dc_output = 0;
    return true;
}

/* The FIR over the window starting at fir_position: symmetric taps, pairs added first, five pairs a step (35 = 7 x 5:
 * the unrolled steps address by constant offsets and halve the loop's overhead). Its sum stays below 2^31 in
 * magnitude: the Q14 input is at most 2^14 + 1 and the taps' absolute values sum to 81,648, and (2^14 + 1) times
 * that is below 2^31 (PdmFiltersTest checks it), so the int32 products and sums cannot overflow. */
static int32_t fir_sum(const hark_pdm_state *state)
{
    const int16_t *low = &state->fir_line[state->fir_position];
    const int16_t *high = low + HARK_PDM_FIR_TAPS - 1u;
    const int16_t *tap = hark_pdm_fir_q15;
    int32_t sum = hark_pdm_fir_q15[HARK_PDM_FIR_HALF] * low[HARK_PDM_FIR_HALF];
    for (uint32_t k = 0; k < HARK_PDM_FIR_HALF; k += 5u)
    {
        sum += tap[0] * (low[0] + high[0]);
        sum += tap[1] * (low[1] + high[-1]);
        sum += tap[2] * (low[2] + high[-2]);
        sum += tap[3] * (low[3] + high[-3]);
        sum += tap[4] * (low[4] + high[-4]);
        tap += 5;
        low += 5;
        high -= 5;
    }
    return sum;
}

/* DC blocker and gain: the FIR's sum (full scale 2^29) to a saturated int16. */
static int16_t finish(hark_pdm_state *state, int32_t fir)
{
    const int32_t value = (fir + (1 << (HARK_PDM_FIR_TO_DC_SHIFT - 1))) >> HARK_PDM_FIR_TO_DC_SHIFT;
    state->dc_output = state->dc_output - (state->dc_output >> HARK_PDM_DC_BLOCK_SHIFT) + value - state->dc_input;
    state->dc_input = value;
    const int32_t shift = HARK_PDM_GAIN_FRACTION_BITS + HARK_PDM_DC_TO_OUTPUT_SHIFT;
    const int64_t gained = ((int64_t)state->dc_output * state->gain_q8 + ((int64_t)1 << (shift - 1))) >> shift;
    if (gained > INT16_MAX)
    {
        return INT16_MAX;
    }
    if (gained < INT16_MIN)
    {
        return INT16_MIN;
    }
    return (int16_t)gained;
}

/* The CIC's combs on its integrators' output, the scaling to Q14 and the FIR's line; returns 1 when the FIR made a
 * sample (written to *pcm), else 0. Runs once every R bytes. */
static size_t cic_output(hark_pdm_state *state, uint32_t integrated, int16_t *pcm)
{
    /* The five combs, each y = x - (its previous x), named one by one as the integrators are. */
    uint32_t *combs = state->combs;
    const uint32_t c0 = integrated - combs[0];
    combs[0] = integrated;
    const uint32_t c1 = c0 - combs[1];
    combs[1] = c0;
    const uint32_t c2 = c1 - combs[2];
    combs[2] = c1;
    const uint32_t c3 = c2 - combs[3];
    combs[3] = c2;
    const uint32_t comb = c3 - combs[4];
    combs[4] = c3;
    /* The true output, at most (8 R)^5 <= 2^30 in magnitude, is the wrapped difference read as int32. To Q14 by the
     * high word of a 64-bit product, rounded: at most 2^14 + 1 in magnitude, so int16 holds it. */
    const int64_t scaled = ((int64_t)(int32_t)comb * state->cic_multiplier + ((int64_t)1 << 31)) >> 32;
    state->fir_line[state->fir_position] = (int16_t)scaled;
    state->fir_line[state->fir_position + HARK_PDM_FIR_TAPS] = (int16_t)scaled;
    state->fir_position = state->fir_position + 1u == HARK_PDM_FIR_TAPS ? 0u : state->fir_position + 1u;
    if (++state->fir_phase < HARK_PDM_FIR_DECIMATION)
    {
        return 0;
    }
    state->fir_phase = 0;
    *pcm = finish(state, fir_sum(state));
    return 1;
}

/*
 * The bytes through the chain. The per-byte work (the first stage and the integrators) is most of the cost: it runs
 * on local copies of the state, which the compiler keeps in registers, written back at the end; what happens once
 * every R bytes (combs, FIR) goes through the state.
 */
size_t hark_pdm_push_bytes(hark_pdm_state *state, const uint8_t *pdm, size_t count, int16_t *pcm)
{
    /* LSB-first input has its own tables (the same sums at the bit-reversed index): no per-byte reversal. */
    const int16_t(*sums)[256] = hark_pdm_byte_sums[state->lsb_first ? 1 : 0];
    uint32_t history = state->history;
    uint32_t countdown = state->cic_countdown;
    uint32_t i0 = state->integrators[0];
    uint32_t i1 = state->integrators[1];
    uint32_t i2 = state->integrators[2];
    uint32_t i3 = state->integrators[3];
    uint32_t i4 = state->integrators[4];
    size_t written = 0;
    while (count > 0)
    {
        /* Up to the next CIC output: the inner loop keeps no counter of its own, so everything it touches fits in
         * registers. */
        const size_t run = count < countdown ? count : countdown;
        for (const uint8_t *end = pdm + run; pdm != end; pdm++)
        {
            const uint32_t b = *pdm;
            /* Stage 1: sinc^5 over 8 bits, from the newest byte and the four before it (history, newest lowest):
             * -2^15..2^15, added modulo 2^32 like every integrator. */
            const int32_t value = sums[0][b] + sums[1][history & 0xFFu] + sums[2][(history >> 8) & 0xFFu] +
                                  sums[3][(history >> 16) & 0xFFu] + sums[4][history >> 24];
            history = history << 8 | b;
            /* Stage 2: the CIC's integrators. */
            i0 += (uint32_t)value;
            i1 += i0;
            i2 += i1;
            i3 += i2;
            i4 += i3;
        }
        count -= run;
        countdown -= (uint32_t)run;
        if (countdown == 0)
        {
            countdown = state->cic_decimation;
            written += cic_output(state, i4, &pcm[written]);
        }
    }
    state->history = history;
    state->cic_countdown = countdown;
    state->integrators[0] = i0;
    state->integrators[1] = i1;
    state->integrators[2] = i2;
    state->integrators[3] = i3;
    state->integrators[4] = i4;
    return written;
}

size_t hark_pdm_push_words(hark_pdm_state *state, const uint16_t *pdm, size_t count, int16_t *pcm)
{
    /* The words as bytes in time order, a block at a time: MSB first, the high byte is the earlier; LSB first, the
     * low byte. */
    uint8_t block[2 * WORD_BLOCK];
    const uint32_t first_shift = state->lsb_first ? 0u : 8u;
    size_t written = 0;
    while (count > 0)
    {
        const size_t words = count < WORD_BLOCK ? count : WORD_BLOCK;
        for (size_t i = 0; i < words; i++)
        {
            block[2 * i] = (uint8_t)(pdm[i] >> first_shift);
            block[2 * i + 1] = (uint8_t)(pdm[i] >> (8u - first_shift));
        }
        written += hark_pdm_push_bytes(state, block, 2 * words, &pcm[written]);
        pdm += words;
        count -= words;
    }
    return written;
}
