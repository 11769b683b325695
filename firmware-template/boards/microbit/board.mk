# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Build settings of the BBC micro:bit beyond its descriptor (board.properties): none yet, so no benchmark services
# and no lean firmware. Its 16 KB of RAM hold the network's arena and the test harness's buffers only for small
# networks: the demo's teacher (arena 5 KB, 4 KB feature and trace buffers each) does not fit with the harness, and
# the listening harness (the front end's state alone is about 7 KB) does not fit at all.
# Included by the firmware-template Makefile when TARGET=microbit; BOARD_DIR is set by the includer.

include $(BOARD_DIR)/../common/cortex-m/cortex_m.mk
