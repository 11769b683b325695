/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * The Pico's second-stage boot loader (boot2): the boot ROM copies the first 256 bytes of flash to the top of SRAM
 * (0x20041F00), checks their CRC (its last 4 bytes, made by rp2040_boot2_crc.c) and runs them. This one has the
 * ROM's own flash_enter_cmd_xip set the flash interface up to execute in place with plain 03h reads (slow, but every
 * QSPI flash chip has them), sets the interface's serial clock to clk_sys / 4 (the SSI's BAUDR, changed only while
 * SSIENR disables it, which it can be here, running from SRAM): the image then raises clk_sys to 125 MHz
 * (console_rp2040.c), and 31.25 MHz is within what the Pico's W25Q16JV takes for 03h reads (50 MHz). Then it starts
 * the image: the vector table right after boot2 (0x10000100) becomes the core's (VTOR), its initial stack pointer
 * the stack pointer, its reset vector where execution goes.
 *
 * Built on its own (the Pico's board.mk) and linked at 0x20041F00, where it runs; it must fit 252 bytes. The ROM
 * function comes from the ROM's table (RP2040 Datasheet, "Bootrom contents"): the 16-bit pointers at 0x14 (the
 * public function table) and 0x18 (its look-up function), the function's code the two characters 'C', 'X'.
 */

#include <stdint.h>

#define ROM_FUNCTION_TABLE_POINTER 0x14u
#define ROM_TABLE_LOOKUP_POINTER 0x18u
#define ROM_CODE(first, second) ((uint32_t)(first) | (uint32_t)(second) << 8)
#define IMAGE_VECTORS 0x10000100u
#define SCB_VTOR (*(volatile uint32_t *)0xE000ED08u)
/* The flash interface (XIP_SSI, RP2040 Datasheet 4.10.13): SSIENR enables it, BAUDR divides clk_sys (even). */
#define XIP_SSI_SSIENR (*(volatile uint32_t *)0x18000008u)
#define XIP_SSI_BAUDR (*(volatile uint32_t *)0x18000014u)
#define FLASH_CLOCK_DIVISOR 4u

typedef void *(*rom_table_lookup_fn)(const uint16_t *table, uint32_t code);
typedef void (*rom_void_fn)(void);

void hark_rp2040_boot2(void) __attribute__((noreturn, used));

static uintptr_t rom_half_word(uintptr_t address)
{
    return *(const volatile uint16_t *)address;
}

void hark_rp2040_boot2(void)
{
    const rom_table_lookup_fn lookup = (rom_table_lookup_fn)rom_half_word(ROM_TABLE_LOOKUP_POINTER);
    const uint16_t *const table = (const uint16_t *)rom_half_word(ROM_FUNCTION_TABLE_POINTER);
    const rom_void_fn flash_enter_cmd_xip = (rom_void_fn)(uintptr_t)lookup(table, ROM_CODE('C', 'X'));
    flash_enter_cmd_xip();
    XIP_SSI_SSIENR = 0;
    XIP_SSI_BAUDR = FLASH_CLOCK_DIVISOR;
    XIP_SSI_SSIENR = 1;

    const volatile uint32_t *const vectors = (const volatile uint32_t *)IMAGE_VECTORS;
    SCB_VTOR = IMAGE_VECTORS;
    __asm__ volatile("msr msp, %0\n\tbx %1" : : "r"(vectors[0]), "r"(vectors[1]) : "memory");
    __builtin_unreachable();
}
