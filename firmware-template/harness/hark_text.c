/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * See hark_text.h.
 */

#include "hark_text.h"

void hark_text_start(hark_text *text, char *buffer, size_t size)
{
    text->buffer = buffer;
    text->size = size;
    text->length = 0;
    buffer[0] = '\0';
}

void hark_text_add(hark_text *text, const char *part)
{
    while (*part != '\0' && text->length + 1 < text->size)
    {
        text->buffer[text->length++] = *part++;
    }
    text->buffer[text->length] = '\0';
}

void hark_text_add_long(hark_text *text, long value)
{
    /* Digits from the last, of the magnitude as unsigned so that LONG_MIN is written too. */
    char digits[24];
    size_t count = 0;
    unsigned long magnitude = value < 0 ? 0ul - (unsigned long)value : (unsigned long)value;
    do
    {
        digits[count++] = (char)('0' + (int)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude > 0u);
    char written[26];
    size_t at = 0;
    if (value < 0)
    {
        written[at++] = '-';
    }
    while (count > 0)
    {
        written[at++] = digits[--count];
    }
    written[at] = '\0';
    hark_text_add(text, written);
}
