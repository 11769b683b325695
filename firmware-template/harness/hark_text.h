/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Messages built without the C library's formatted output, for the programs that must not link it (snprintf pulls
 * in newlib's heap): text and decimal integers appended to a fixed buffer, cut short when it is full and always
 * terminated.
 */

#ifndef HARK_TEXT_H
#define HARK_TEXT_H

#include <stddef.h>

/** A message being built in `buffer` of `size` bytes (at least 1). */
typedef struct
{
    char *buffer;
    size_t size;
    size_t length;
} hark_text;

/** Starts an empty message in `buffer`. */
void hark_text_start(hark_text *text, char *buffer, size_t size);

/** Appends `part`. */
void hark_text_add(hark_text *text, const char *part);

/** Appends `value` in decimal. */
void hark_text_add_long(hark_text *text, long value);

#endif /* HARK_TEXT_H */
