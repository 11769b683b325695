/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Makes the Pico's boot2 section: reads boot2's code (a raw binary of at most 252 bytes), pads it with zeros to
 * 252 bytes and appends the CRC the RP2040's boot ROM checks before it runs boot2: CRC-32 with the polynomial
 * 0x04C11DB7, initial value 0xFFFFFFFF, bits in most-significant-first order, no final inversion, over the 252
 * bytes, stored little-endian (RP2040 Datasheet, "Boot sequence"). Writes the 256 bytes as an assembly source of a
 * section named .boot2, which the linker script puts at the start of flash.
 *
 *     rp2040_boot2_crc <boot2.bin> <boot2_crc.S>
 *
 * A host program, built and run by the Pico's board.mk. Exit status 0, or 1 with one line naming the file.
 */

#include <stdint.h>
#include <stdio.h>

#define CODE_BYTES 252u

static uint32_t boot2_crc(const uint8_t *bytes, size_t count)
{
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < count; i++)
    {
        crc ^= (uint32_t)bytes[i] << 24;
        for (int bit = 0; bit < 8; bit++)
        {
            crc = (crc & 0x80000000u) != 0 ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        }
    }
    return crc;
}

int main(int argc, char **argv)
{
    if (argc != 3)
    {
        fprintf(stderr, "usage: rp2040_boot2_crc <boot2.bin> <boot2_crc.S>\n");
        return 1;
    }
    uint8_t image[CODE_BYTES + 4u] = {0};
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL)
    {
        fprintf(stderr, "rp2040_boot2_crc: cannot read %s\n", argv[1]);
        return 1;
    }
    const size_t size = fread(image, 1, sizeof(image), in);
    const int failed = ferror(in);
    fclose(in);
    if (failed || size > CODE_BYTES)
    {
        fprintf(stderr, "rp2040_boot2_crc: %s: %s\n", argv[1],
                failed ? "read error" : "boot2 is larger than its 252 bytes");
        return 1;
    }
    const uint32_t crc = boot2_crc(image, CODE_BYTES);
    for (unsigned i = 0; i < 4u; i++)
    {
        image[CODE_BYTES + i] = (uint8_t)(crc >> (8u * i));
    }

    FILE *out = fopen(argv[2], "w");
    if (out == NULL)
    {
        fprintf(stderr, "rp2040_boot2_crc: cannot write %s\n", argv[2]);
        return 1;
    }
    fprintf(out, "/* Made by rp2040_boot2_crc from %s: boot2's code padded to 252 bytes, then its CRC. */\n", argv[1]);
    fprintf(out, "    .section .boot2, \"ax\"\n");
    for (unsigned i = 0; i < sizeof(image); i++)
    {
        fprintf(out, "%s0x%02x%s", i % 16u == 0 ? "    .byte " : "", image[i], i % 16u == 15u ? "\n" : ", ");
    }
    if (fclose(out) != 0)
    {
        fprintf(stderr, "rp2040_boot2_crc: cannot write %s\n", argv[2]);
        remove(argv[2]);
        return 1;
    }
    return 0;
}
