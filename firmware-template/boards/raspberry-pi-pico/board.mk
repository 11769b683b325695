# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Raspberry Pi Pico beyond its descriptor (board.properties): its clocks and console (UART0
# on GP0, console_rp2040.c), the benchmark services on them with the microsecond timer (bench_rp2040.c), the product
# firmware's driver (an analog microphone on GP26 through the ADC; the LED on GP25), whose interrupt is the ADC
# FIFO's, and the second-stage boot loader every flash image starts with: rp2040_boot2.c compiled and linked on its
# own, its CRC appended by rp2040_boot2_crc.c (built with the host's gcc), the result a .boot2 section
# (BOARD_IMAGE_OBJECTS).
# Included by the firmware-template Makefile when TARGET=raspberry-pi-pico; BOARD_DIR is set by the includer.

BOARD_BENCH_SOURCES   := $(BOARD_DIR)/console_rp2040.c $(BOARD_DIR)/bench_rp2040.c \
                         $(BOARD_DIR)/../common/cortex-m/bench_board_console.c
BOARD_PRODUCT_SOURCES := $(BOARD_DIR)/console_rp2040.c $(BOARD_DIR)/board_raspberry_pi_pico.c
BOARD_DEFINES         := -DHARK_BOARD_CAPTURE_IRQ=22 -DHARK_RP2040_CLOCK_HZ=$(board.clock.hz)u

include $(BOARD_DIR)/../common/product/product.mk
include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk

RP2040_BOOT2_DIR    := $(BUILD_DIR)/rp2040-boot2
BOARD_IMAGE_OBJECTS := $(RP2040_BOOT2_DIR)/boot2_crc.o
HOST_CC             := gcc

# Compiled, then linked, as every other file of hark's own: with the strict flags, each a -c step (FirmwareWarningsTest
# reads them). --param=min-pagesize=0: boot2 reads the ROM's table pointers at 0x14 and 0x18, which gcc would
# otherwise take for accesses through a null pointer.
$(RP2040_BOOT2_DIR)/boot2.o: $(BOARD_DIR)/rp2040_boot2.c $(BOARD_DIR)/board.mk
	@mkdir -p $(@D)
	$(CC) $(STRICT_CFLAGS) -Os --param=min-pagesize=0 $(BOARD_CPU_FLAGS) -ffreestanding -c $< -o $@

$(RP2040_BOOT2_DIR)/boot2.elf: $(RP2040_BOOT2_DIR)/boot2.o
	$(CC) $(BOARD_CPU_FLAGS) -nostdlib -Wl,-Ttext=0x20041F00 -Wl,--entry=hark_rp2040_boot2 $< -o $@

$(RP2040_BOOT2_DIR)/boot2.bin: $(RP2040_BOOT2_DIR)/boot2.elf
	$(OBJCOPY) -O binary $< $@

$(RP2040_BOOT2_DIR)/rp2040_boot2_crc.o: $(BOARD_DIR)/rp2040_boot2_crc.c
	@mkdir -p $(@D)
	$(HOST_CC) $(STRICT_CFLAGS) -O2 -c $< -o $@

$(RP2040_BOOT2_DIR)/rp2040_boot2_crc: $(RP2040_BOOT2_DIR)/rp2040_boot2_crc.o
	$(HOST_CC) $< -o $@

$(RP2040_BOOT2_DIR)/boot2_crc.S: $(RP2040_BOOT2_DIR)/boot2.bin $(RP2040_BOOT2_DIR)/rp2040_boot2_crc
	$(RP2040_BOOT2_DIR)/rp2040_boot2_crc $< $@

$(RP2040_BOOT2_DIR)/boot2_crc.o: $(RP2040_BOOT2_DIR)/boot2_crc.S
	$(CC) $(BOARD_CPU_FLAGS) -c $< -o $@
