/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The capture every product board shares (board_capture.c): the one ring of 10 ms blocks (product/hark_capture.h)
 * between the microphone driver's interrupt and the main loop, and with it hark_board.h's hark_board_mic_block(),
 * hark_board_mic_release() and hark_board_mic_dropped(). A board's driver sets the ring up in hark_board_init() and
 * its interrupt hands over what its microphone gives: PCM as it is, or an ADC's codes, which lose their DC here.
 */

#ifndef HARK_BOARD_CAPTURE_H
#define HARK_BOARD_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

#include "hark_capture.h" /* HARK_CAPTURE_BLOCK_SAMPLES */

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Empties the ring: for a microphone that gives PCM. */
void hark_board_capture_init(void);

/**
 * @brief Empties the ring and starts the DC removal at mid-scale: for a microphone on an ADC.
 *
 * @param[in] adc_bits the ADC's resolution, 8 to 16
 */
void hark_board_capture_init_adc(uint32_t adc_bits);

/** @brief The interrupt's call: appends `count` PCM samples in time order. */
void hark_board_capture_push(const int16_t *samples, size_t count);

/** @brief The interrupt's call: appends `count` ADC codes (right aligned) as PCM, less their running mean. */
void hark_board_capture_push_adc(const uint16_t *codes, size_t count);

/** @brief The interrupt's call: counts samples the hardware lost (an overrun) among the dropped ones. */
void hark_board_capture_lost(uint32_t samples);

#ifdef __cplusplus
}
#endif

#endif /* HARK_BOARD_CAPTURE_H */
