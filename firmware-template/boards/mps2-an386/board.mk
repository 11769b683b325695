# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the mps2-an386 image beyond its descriptor (board.properties): the MPS2 peripherals it shares with the
# other Armv7-M MPS2 images. Included by the firmware-template Makefile when TARGET=mps2-an386; BOARD_DIR is set by the
# includer.

include $(BOARD_DIR)/../common/mps2/mps2.mk
