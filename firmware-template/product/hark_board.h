/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * What the product firmware (hark_product_main.c) needs from the board it runs on. Each real board implements it in
 * its folder (boards/<name>/, named by BOARD_PRODUCT_SOURCES in its board.mk): the microphone driver, the console and
 * an LED. Plain register accesses, no heap, no C library beyond memcpy and memset.
 *
 * The microphone delivers 16 kHz mono int16 PCM in 10 ms blocks (HARK_CAPTURE_BLOCK_SAMPLES), captured by an
 * interrupt or DMA into the driver's ring (hark_capture.h) while the main loop listens to the previous block; the
 * driver converts what its microphone gives (PDM bits through hark-audio's decimator, an ADC's codes less their DC,
 * or a PDM peripheral's PCM as it is).
 */

#ifndef HARK_BOARD_H
#define HARK_BOARD_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Sets up the clocks the board's peripherals need, the console and the LED (off). Called first, once. */
void hark_board_init(void);

/** Writes text to the board's console (a UART the board's debug probe carries to the host), waiting until sent. */
void hark_board_console_write(const char *text);

/** Toggles the board's user LED. */
void hark_board_led_toggle(void);

/** Starts capturing from the microphone: from here on a block is ready every 10 ms. */
void hark_board_mic_start(void);

/**
 * The oldest captured 10 ms block not yet released, or NULL while none is ready. The block stays valid, and is not
 * written, until hark_board_mic_release().
 */
const int16_t *hark_board_mic_block(void);

/** Gives the block hark_board_mic_block() returned back to the capture. */
void hark_board_mic_release(void);

/** Samples the capture dropped because the main loop fell more than the ring behind (0 while it keeps up). */
uint32_t hark_board_mic_dropped(void);

#ifdef __cplusplus
}
#endif

#endif /* HARK_BOARD_H */
