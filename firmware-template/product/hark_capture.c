/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The ring of 10 ms blocks and the ADC conversion of hark_capture.h.
 */

#include "hark_capture.h"

/*
 * The producer runs in an interrupt on the consumer's core, so the only reordering to prevent is the compiler's:
 * a block's samples must be written before `filled` says it is full, and read after. A Cortex-M core does not
 * reorder its own accesses to normal memory as another context on that core could see.
 */
#define COMPILER_BARRIER() __asm__ volatile("" ::: "memory")

void hark_capture_init(hark_capture_ring *ring)
{
    ring->filled = 0;
    ring->released = 0;
    ring->dropped = 0;
    ring->fill = 0;
}

void hark_capture_push(hark_capture_ring *ring, const int16_t *samples, size_t count)
{
    size_t taken = 0;
    while (taken < count)
    {
        const uint32_t filled = ring->filled;
        if (filled - ring->released >= HARK_CAPTURE_BLOCKS)
        {
            ring->dropped += (uint32_t)(count - taken);
            return;
        }
        int16_t *const block = ring->blocks[filled % HARK_CAPTURE_BLOCKS];
        while (taken < count && ring->fill < HARK_CAPTURE_BLOCK_SAMPLES)
        {
            block[ring->fill++] = samples[taken++];
        }
        if (ring->fill == HARK_CAPTURE_BLOCK_SAMPLES)
        {
            ring->fill = 0;
            COMPILER_BARRIER();
            ring->filled = filled + 1u;
        }
    }
}

const int16_t *hark_capture_block(const hark_capture_ring *ring)
{
    const uint32_t released = ring->released;
    if (ring->filled == released)
    {
        return NULL;
    }
    COMPILER_BARRIER();
    return ring->blocks[released % HARK_CAPTURE_BLOCKS];
}

void hark_capture_release(hark_capture_ring *ring)
{
    COMPILER_BARRIER();
    if (ring->filled != ring->released)
    {
        ring->released = ring->released + 1u;
    }
}

void hark_adc_dc_remover_init(hark_adc_dc_remover *remover, uint32_t bits)
{
    remover->bits = bits;
    remover->mean_q8 = (int32_t)(32768u << HARK_ADC_DC_SHIFT);
}

void hark_adc_to_pcm(hark_adc_dc_remover *remover, const uint16_t *codes, size_t count, int16_t *pcm)
{
    const uint32_t shift = 16u - remover->bits;
    const uint32_t mask = (1u << remover->bits) - 1u;
    int32_t mean_q8 = remover->mean_q8;
    for (size_t i = 0; i < count; i++)
    {
        const int32_t scaled = (int32_t)(((uint32_t)codes[i] & mask) << shift); /* 0 .. 65535 */
        /* mean += (scaled - mean) / 2^shift, in Q8: stays within 0 .. 65535 * 2^8. */
        mean_q8 += scaled - (mean_q8 >> HARK_ADC_DC_SHIFT);
        int32_t value = scaled - (mean_q8 >> HARK_ADC_DC_SHIFT);
        if (value > INT16_MAX)
        {
            value = INT16_MAX;
        }
        else if (value < INT16_MIN)
        {
            value = INT16_MIN;
        }
        pcm[i] = (int16_t)value;
    }
    remover->mean_q8 = mean_q8;
}
