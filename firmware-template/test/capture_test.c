/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Tests the pure parts of the product firmware's microphone drivers (product/hark_capture.h) where no board is
 * needed: the ring of 10 ms blocks and the ADC conversion. Self-checking: prints each failed check and
 * `capture_test: <n> checks, <f> failed`, and returns 1 if any failed. Run by CaptureTest (Java).
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hark_capture.h"

static unsigned checks;
static unsigned failures;

#define CHECK(condition)                                                                                               \
    do                                                                                                                 \
    {                                                                                                                  \
        checks++;                                                                                                      \
        if (!(condition))                                                                                              \
        {                                                                                                              \
            failures++;                                                                                                \
            printf("%s:%d: failed: %s\n", __FILE__, __LINE__, #condition);                                             \
        }                                                                                                              \
    } while (0)

static hark_capture_ring ring;

/* True when the block holds the ramp's samples first .. first + 159 (the ramp wraps as int16 does). */
static int is_ramp(const int16_t *block, uint32_t first)
{
    for (uint32_t i = 0; i < HARK_CAPTURE_BLOCK_SAMPLES; i++)
    {
        if (block[i] != (int16_t)(uint16_t)(first + i))
        {
            return 0;
        }
    }
    return 1;
}

/* Pushes `count` samples of the ramp from `first` in one call. */
static void push_ramp(uint32_t first, size_t count)
{
    int16_t chunk[1000];
    for (size_t i = 0; i < count; i++)
    {
        chunk[i] = (int16_t)(uint16_t)(first + i);
    }
    hark_capture_push(&ring, chunk, count);
}

/* Chunks of any size (one sample as an ADC's interrupt gives, a PDM DMA half's few, blocks and more) give whole
   blocks in order when the consumer keeps up. */
static void blocks_come_whole_and_in_order_whatever_the_chunks(void)
{
    static const size_t sizes[] = {1, 7, 160, 333, 8, 159, 2, 161, 400};
    hark_capture_init(&ring);
    CHECK(hark_capture_block(&ring) == NULL);
    uint32_t pushed = 0;
    uint32_t consumed = 0;
    for (unsigned round = 0; round < 40; round++)
    {
        const size_t size = sizes[round % (sizeof(sizes) / sizeof(sizes[0]))];
        push_ramp(pushed, size);
        pushed += (uint32_t)size;
        const int16_t *block;
        while ((block = hark_capture_block(&ring)) != NULL)
        {
            CHECK(is_ramp(block, consumed));
            consumed += HARK_CAPTURE_BLOCK_SAMPLES;
            hark_capture_release(&ring);
        }
        CHECK(consumed == pushed / HARK_CAPTURE_BLOCK_SAMPLES * HARK_CAPTURE_BLOCK_SAMPLES);
    }
    CHECK(ring.dropped == 0);
}

/* A block stays as it is until released, however much the producer pushes meanwhile. */
static void a_block_is_not_written_before_it_is_released(void)
{
    hark_capture_init(&ring);
    push_ramp(0, HARK_CAPTURE_BLOCK_SAMPLES);
    const int16_t *block = hark_capture_block(&ring);
    CHECK(block != NULL);
    for (uint32_t i = 1; i < 2 * HARK_CAPTURE_BLOCKS; i++)
    {
        push_ramp(i * HARK_CAPTURE_BLOCK_SAMPLES, HARK_CAPTURE_BLOCK_SAMPLES);
    }
    CHECK(hark_capture_block(&ring) == block);
    CHECK(is_ramp(block, 0));
}

/* When the consumer falls behind the producer drops whole blocks' worth and counts them; what the consumer then
   reads is still whole blocks of consecutive audio, and capture resumes where a block frees up. */
static void a_full_ring_drops_and_counts_and_keeps_blocks_whole(void)
{
    hark_capture_init(&ring);
    push_ramp(0, (HARK_CAPTURE_BLOCKS + 1u) * HARK_CAPTURE_BLOCK_SAMPLES + 10u);
    CHECK(ring.dropped == HARK_CAPTURE_BLOCK_SAMPLES + 10u);
    for (uint32_t i = 0; i < HARK_CAPTURE_BLOCKS; i++)
    {
        const int16_t *block = hark_capture_block(&ring);
        CHECK(block != NULL && is_ramp(block, i * HARK_CAPTURE_BLOCK_SAMPLES));
        if (i == 0)
        {
            hark_capture_release(&ring);
            /* One block free: the next 160 samples fill it, the 5 after them are dropped. */
            push_ramp(50000, HARK_CAPTURE_BLOCK_SAMPLES + 5u);
            CHECK(ring.dropped == HARK_CAPTURE_BLOCK_SAMPLES + 15u);
        }
        else
        {
            hark_capture_release(&ring);
        }
    }
    const int16_t *resumed = hark_capture_block(&ring);
    CHECK(resumed != NULL && is_ramp(resumed, 50000));
    hark_capture_release(&ring);
    CHECK(hark_capture_block(&ring) == NULL);
    hark_capture_release(&ring); /* nothing to release: no effect */
    CHECK(hark_capture_block(&ring) == NULL);
    push_ramp(7, HARK_CAPTURE_BLOCK_SAMPLES);
    CHECK(hark_capture_block(&ring) != NULL && is_ramp(hark_capture_block(&ring), 7));
}

/* The counters wrap modulo 2^32 without losing a block. */
static void the_block_counters_wrap(void)
{
    hark_capture_init(&ring);
    ring.filled = UINT32_MAX - 1u;
    ring.released = UINT32_MAX - 1u;
    for (uint32_t i = 0; i < 4; i++)
    {
        push_ramp(i * HARK_CAPTURE_BLOCK_SAMPLES, HARK_CAPTURE_BLOCK_SAMPLES);
        const int16_t *block = hark_capture_block(&ring);
        CHECK(block != NULL && is_ramp(block, i * HARK_CAPTURE_BLOCK_SAMPLES));
        hark_capture_release(&ring);
    }
    CHECK(ring.filled == 2u && ring.released == 2u && ring.dropped == 0);
}

/* A microphone's bias is removed: a constant code gives exactly 0 once the mean has settled, and mid-scale from the
   start; a tone on the bias comes out scaled to 16 bits around 0. */
static void the_adc_conversion_removes_the_bias(void)
{
    enum
    {
        N = 4000 /* 15.6 time constants of the mean: the integer mean settles exactly within them */
    };
    hark_adc_dc_remover remover;
    uint16_t codes[N];
    int16_t pcm[N];

    hark_adc_dc_remover_init(&remover, 12);
    for (size_t i = 0; i < N; i++)
    {
        codes[i] = 2048;
    }
    hark_adc_to_pcm(&remover, codes, N, pcm);
    CHECK(pcm[0] == 0 && pcm[N - 1] == 0);

    for (size_t i = 0; i < N; i++)
    {
        codes[i] = 3000;
    }
    hark_adc_to_pcm(&remover, codes, N, pcm);
    CHECK(pcm[0] > 0 && pcm[0] <= (3000 - 2048) * 16);
    CHECK(pcm[N - 1] == 0);

    /* A square wave of +-100 codes (+-1600 at 16 bits) around the settled 3000, 100 samples a half period. Through
       a one-pole high-pass of time constant 256 samples each half period decays by d = exp(-100/256) = 0.677, so
       in the steady state a half period starts at 3200 / (1 + d) = 1908 and ends at 1908 d = 1292. */
    for (size_t i = 0; i < N; i++)
    {
        codes[i] = (uint16_t)((i / 100) % 2 == 0 ? 3100 : 2900);
    }
    hark_adc_to_pcm(&remover, codes, N, pcm);
    CHECK(pcm[3800] >= 1858 && pcm[3800] <= 1958);
    CHECK(pcm[3899] >= 1242 && pcm[3899] <= 1342);
    CHECK(pcm[3900] <= -1858 && pcm[3900] >= -1958);
}

/* Bits above the ADC's resolution are not audio (some ADCs put flags there) and full scale saturates. */
static void the_adc_conversion_masks_and_saturates(void)
{
    hark_adc_dc_remover plain;
    hark_adc_dc_remover flagged;
    hark_adc_dc_remover_init(&plain, 12);
    hark_adc_dc_remover_init(&flagged, 12);
    const uint16_t codes[4] = {0, 4095, 1234, 2048};
    const uint16_t with_flags[4] = {0xF000, 0xFFFF, 0x8000 | 1234, 0x1000 | 2048};
    int16_t a[4];
    int16_t b[4];
    hark_adc_to_pcm(&plain, codes, 4, a);
    hark_adc_to_pcm(&flagged, with_flags, 4, b);
    CHECK(memcmp(a, b, sizeof(a)) == 0);

    hark_adc_dc_remover remover;
    hark_adc_dc_remover_init(&remover, 16);
    uint16_t low[4000];
    int16_t pcm[4000];
    for (size_t i = 0; i < 4000; i++)
    {
        low[i] = 0;
    }
    hark_adc_to_pcm(&remover, low, 4000, pcm);
    const uint16_t high = 0xFFFF;
    int16_t jump;
    hark_adc_to_pcm(&remover, &high, 1, &jump);
    CHECK(jump == INT16_MAX);
    const uint16_t bottom = 0;
    int16_t back;
    hark_adc_to_pcm(&remover, &bottom, 1, &back);
    CHECK(back < -200 && back > -600); /* the mean moved by 1/256 of the full-scale jump */
}

int main(void)
{
    blocks_come_whole_and_in_order_whatever_the_chunks();
    a_block_is_not_written_before_it_is_released();
    a_full_ring_drops_and_counts_and_keeps_blocks_whole();
    the_block_counters_wrap();
    the_adc_conversion_removes_the_bias();
    the_adc_conversion_masks_and_saturates();
    printf("capture_test: %u checks, %u failed\n", checks, failures);
    return failures == 0 ? 0 : 1;
}
