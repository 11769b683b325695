# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Builds many generated networks into one harness image, so that the random-model run compiles the kernels once
# per target and rounding, the cases of an image in one compiler run, and boots QEMU once per batch:
#
#   make -f hark_batch.mk PROJECT_DIR=<project> TARGET=... BUILD_DIR=<dir> BATCH_BUILD_DIR=<dir> CMSIS_NN_DIR=[...] \
#        [EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING] batch             -> $(BATCH_BUILD_DIR)/hark_batch[.elf]
#
# BATCH_BUILD_DIR holds the image and hark_batch_unit.c, written by the caller: every case of the image, each the
# unchanged one-model harness (hark_harness_main.c, its main renamed) with its generated network (whole-clip or
# streaming), then the table of the cases that hark_batch_main.c runs. The unit names each case's file-scope
# identifiers apart (a suffix per case) and forgets its macros before the next, so the networks' equal names meet no
# other; what each case compiles is its network's and the harness's code, with the product's flags. The compiler
# starting up was half of the cost of a case compiled alone (one run per case, target and rounding); one run per
# image pays it once. The kernels, CMSIS-NN, the board's start-up, the harness's files that depend on no network (its
# work, file IO, trace output) and hark_batch_main.c come from the project's Makefile's rules, built once in
# BUILD_DIR and shared by every batch of that target and rounding.

BATCH_MK_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
include $(PROJECT_DIR)/Makefile

BATCH_BUILD_DIR ?=
BATCH_IMAGE_DIR := $(abspath $(BATCH_BUILD_DIR))
BATCH_EXE := $(BATCH_IMAGE_DIR)/hark_batch$(EXE_SUFFIX)
BATCH_UNIT := $(BATCH_IMAGE_DIR)/hark_batch_unit
BATCH_MAIN := $(BUILD_DIR)/batch/hark_batch_main.o

.PHONY: batch check-batch-dir
batch: check-batch-dir $(BATCH_EXE)

check-batch-dir:
	@if [ -z "$(BATCH_BUILD_DIR)" ] || [ ! -f "$(BATCH_UNIT).c" ]; then \
	  echo "hark: BATCH_BUILD_DIR must name a directory with its hark_batch_unit.c (got '$(BATCH_BUILD_DIR)')" >&2; exit 2; fi

# The cases' networks include their own headers by their folder; the harness's "hark_network.h" is then the check
# in harness-include/ that a case's header came first. The unit's dependencies (the cases' files, the project's
# headers) are listed by the compiler.
$(BATCH_UNIT).o: $(BATCH_UNIT).c $(BATCH_MK_DIR)/hark_batch.h $(FLAGS_STAMP)
	$(CC) $(STRICT_CFLAGS) $(OPT_CFLAGS) $(BOARD_CFLAGS) $(EXTRA_CFLAGS) -iquote $(BATCH_MK_DIR)/harness-include \
	  -I$(BATCH_MK_DIR) $(INCLUDES) -MMD -MP -c $< -o $@

$(BATCH_MAIN): $(BATCH_MK_DIR)/hark_batch_main.c $(BATCH_MK_DIR)/hark_batch.h $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(STRICT_CFLAGS) $(OPT_CFLAGS) $(BOARD_CFLAGS) $(EXTRA_CFLAGS) -I$(BATCH_MK_DIR) -c $< -o $@

$(BATCH_EXE): $(BATCH_MAIN) $(BATCH_UNIT).o \
              $(call object_of,$(HARNESS_LIBRARY_SOURCES)) $(HARK_OBJECTS) $(NN_OBJECTS) $(BOARD_OBJECTS)
	$(call link,$^)

-include $(BATCH_UNIT).d
