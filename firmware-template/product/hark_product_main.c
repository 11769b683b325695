/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The product firmware: a board listening for its keyword. The board's microphone driver (hark_board.h) captures
 * 10 ms blocks of 16 kHz PCM in the background; the main loop gives each block to the listening engine
 * (hark_kws.h) and sleeps until the next one. On each detection it writes one line to the console and toggles the
 * LED:
 *     hark keyword <name> at <ms> ms score <0-255>
 * where <name> is the model's keyword (HARK_KEYWORD of the generated hark_model_settings.h), <ms> the audio's time
 * since listening began and the score the detector's smoothed keyword score (hark_detector.h). At start it writes
 * `hark listening`; if the engine fails, `hark failed <status>`, and it starts listening again from silence; when
 * the capture had to drop audio because listening fell behind, `hark dropped <samples>` before the next line.
 *
 * No heap: the engine, its arena and the capture ring are statics. Built by `make TARGET=<board> product` for a
 * board whose board.mk names its driver (BOARD_PRODUCT_SOURCES).
 */

#include <stddef.h>
#include <stdint.h>

#include "hark_board.h"
#include "hark_capture.h"
#include "hark_kws.h"
#include "hark_model_settings.h" /* HARK_KEYWORD, and HARK_DETECTOR_SETTINGS: the detector chosen for the model */

static hark_kws kws;
static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
static uint32_t dropped_reported;

/* Writes value in decimal. */
static void write_decimal(uint32_t value)
{
    char digits[11];
    char *cursor = &digits[sizeof(digits) - 1];
    *cursor = '\0';
    do
    {
        *--cursor = (char)('0' + (char)(value % 10u));
        value /= 10u;
    } while (value != 0);
    hark_board_console_write(cursor);
}

/* Reports audio the capture dropped since the last report: the detections' times after it are late by as much. */
static void report_dropped(void)
{
    const uint32_t dropped = hark_board_mic_dropped();
    if (dropped != dropped_reported)
    {
        hark_board_console_write("hark dropped ");
        write_decimal((uint32_t)(dropped - dropped_reported));
        hark_board_console_write("\n");
        dropped_reported = dropped;
    }
}

static void on_keyword(const hark_kws_event *event, void *user)
{
    (void)user;
    report_dropped();
    hark_board_led_toggle();
    hark_board_console_write("hark keyword " HARK_KEYWORD " at ");
    write_decimal((uint32_t)(event->sample / 16u)); /* 16 samples a millisecond; wraps after 49 days */
    hark_board_console_write(" ms score ");
    write_decimal((uint32_t)event->score);
    hark_board_console_write("\n");
}

/* The detector the model was measured with (its file's detector section, or the detector setting of hark generate),
 * so the device listens as the figures say. A named object in flash, where a test of the image finds the values. */
static const hark_kws_config listening_config = {HARK_DETECTOR_SETTINGS, on_keyword, NULL, NULL, NULL, NULL, NULL};

int main(void)
{
    hark_board_init();
    arm_cmsis_nn_status status = hark_kws_init(&kws, arena, sizeof(arena), &listening_config);
    if (status != ARM_CMSIS_NN_SUCCESS)
    {
        hark_board_console_write("hark failed to start\n");
        return 1;
    }
    hark_board_console_write("hark listening\n");
    hark_board_mic_start();
    for (;;)
    {
        const int16_t *block = hark_board_mic_block();
        if (block == NULL)
        {
            /* A block completed between the check and the sleep waits for the capture's next interrupt. */
            __asm__ volatile("wfi");
            continue;
        }
        status = hark_kws_process(&kws, block, HARK_CAPTURE_BLOCK_SAMPLES);
        hark_board_mic_release();
        if (status != ARM_CMSIS_NN_SUCCESS)
        {
            hark_board_console_write("hark failed ");
            write_decimal((uint32_t)-(int32_t)status);
            hark_board_console_write("\n");
            hark_kws_reset(&kws);
        }
    }
}
