# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the Netduino Plus 2 beyond its descriptor (board.properties). No benchmark services yet: QEMU's
# STM32F4 timers are not calibrated against -icount here. The listening harness takes chunks of up to 1 s (32 KB of
# its 128 KB of SRAM) instead of 10 s.
# Included by the firmware-template Makefile when TARGET=netduinoplus2; BOARD_DIR is set by the includer.

BOARD_DEFINES := -DHARK_LISTEN_MAX_CHUNK_SAMPLES=16000u

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
