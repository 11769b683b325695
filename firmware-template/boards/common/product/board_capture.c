/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The capture ring of every product board and the functions of hark_board.h that read it (hark_board_capture.h).
 */

#include "hark_board_capture.h"

#include "hark_board.h"

/* The most codes one interrupt hands over at once are converted in pieces of this many on the stack. */
#define ADC_PIECE_SAMPLES 16u

static hark_capture_ring ring;
static hark_adc_dc_remover remover;

void hark_board_capture_init(void)
{
    hark_capture_init(&ring);
}

void hark_board_capture_init_adc(uint32_t adc_bits)
{
    hark_capture_init(&ring);
    hark_adc_dc_remover_init(&remover, adc_bits);
}

void hark_board_capture_push(const int16_t *samples, size_t count)
{
    hark_capture_push(&ring, samples, count);
}

void hark_board_capture_push_adc(const uint16_t *codes, size_t count)
{
    int16_t pcm[ADC_PIECE_SAMPLES];
    for (size_t done = 0; done < count;)
    {
        const size_t piece = count - done < ADC_PIECE_SAMPLES ? count - done : ADC_PIECE_SAMPLES;
        hark_adc_to_pcm(&remover, &codes[done], piece, pcm);
        hark_capture_push(&ring, pcm, piece);
        done += piece;
    }
}

void hark_board_capture_lost(uint32_t samples)
{
    /* Only the producer's interrupt writes the count; the main loop reads it. */
    ring.dropped = ring.dropped + samples;
}

const int16_t *hark_board_mic_block(void)
{
    return hark_capture_block(&ring);
}

void hark_board_mic_release(void)
{
    hark_capture_release(&ring);
}

uint32_t hark_board_mic_dropped(void)
{
    return ring.dropped;
}
