# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# Builds many generated networks into one harness image, so that the random-model run compiles the kernels once
# per target and rounding and boots QEMU once per batch instead of once per model:
#
#   make -f hark_batch.mk PROJECT_DIR=<project> TARGET=... BUILD_DIR=<dir> BATCH_DIR=<dir> BATCH_CASES="case-a ..." \
#        BATCH_OBJECT_DIR=<dir> BATCH_BUILD_DIR=<dir> CMSIS_NN_DIR=[...] [EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING] \
#        batch                                                          -> $(BATCH_BUILD_DIR)/hark_batch[.elf]
#
# BATCH_DIR holds the cases' folders (case-<name>/, each a generated network, whole-clip or streaming); BATCH_CASES
# names those to build into the image; BATCH_OBJECT_DIR holds the cases' objects (one per target, so that an image
# split in parts to fit a small board compiles no case twice); BATCH_BUILD_DIR holds the image and
# hark_batch_cases.c, the table of those cases (in that order) that hark_batch_main.c runs, written by the caller.
# Each case is the unchanged harness (hark_harness_main.c, its main renamed) compiled with its network into one
# object whose only global symbol is the case's entry hark_batch_<name> (dashes as underscores): the networks' equal
# symbol names stay apart, and every case runs the code the one-model harness runs. The kernels, CMSIS-NN, the board's
# start-up and the harness's files that depend on no network (its work, file IO, trace output) come from the
# project's Makefile, built once in BUILD_DIR and shared by every batch of that target and rounding.

BATCH_MK_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
include $(PROJECT_DIR)/Makefile

BATCH_DIR ?=
BATCH_CASES ?=
BATCH_BUILD_DIR ?=
BATCH_OBJECT_DIR ?= $(BATCH_BUILD_DIR)
BATCH_OBJ := $(abspath $(BATCH_OBJECT_DIR))
BATCH_IMAGE_DIR := $(abspath $(BATCH_BUILD_DIR))
# The host has no OBJCOPY in the Makefile: boards set theirs (arm-none-eabi-objcopy).
BATCH_OBJCOPY := $(if $(OBJCOPY),$(OBJCOPY),objcopy)
BATCH_EXE := $(BATCH_IMAGE_DIR)/hark_batch$(EXE_SUFFIX)
# A case's files see its own generated headers first.
case_cflags = $(STRICT_CFLAGS) $(OPT_CFLAGS) $(BOARD_CFLAGS) $(EXTRA_CFLAGS) -I$(abspath $(BATCH_DIR))/$(1) $(INCLUDES)

.PHONY: batch check-batch-dir
batch: check-batch-dir $(BATCH_EXE)

check-batch-dir:
	@if [ -z "$(BATCH_CASES)" ] || [ -z "$(BATCH_BUILD_DIR)" ] || [ ! -f "$(BATCH_IMAGE_DIR)/hark_batch_cases.c" ]; then \
	  echo "hark: BATCH_CASES and BATCH_BUILD_DIR must name the cases and a directory with their hark_batch_cases.c (got '$(BATCH_CASES)', '$(BATCH_BUILD_DIR)')" >&2; exit 2; fi

# One object per case: its network and the harness compiled together (hark_batch_case.c), the entry given the case's
# name and every other symbol made local (objcopy renames before it localizes, so the new name is the one kept).
$(BATCH_OBJ)/%.o: $(BATCH_MK_DIR)/hark_batch_case.c $(abspath $(BATCH_DIR))/%/hark_network.c \
                  $(abspath $(BATCH_DIR))/%/hark_model_data.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(call case_cflags,$*) -c $< -o $@.whole
	$(BATCH_OBJCOPY) --redefine-sym hark_batch_case_main=hark_batch_$(subst -,_,$*) \
	  --keep-global-symbol=hark_batch_$(subst -,_,$*) $@.whole $@

$(BATCH_OBJ)/hark_batch_main.o: $(BATCH_MK_DIR)/hark_batch_main.c $(BATCH_MK_DIR)/hark_batch.h $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(STRICT_CFLAGS) $(OPT_CFLAGS) $(BOARD_CFLAGS) $(EXTRA_CFLAGS) -I$(BATCH_MK_DIR) -c $< -o $@

$(BATCH_IMAGE_DIR)/hark_batch_cases.o: $(BATCH_IMAGE_DIR)/hark_batch_cases.c $(BATCH_MK_DIR)/hark_batch.h $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(STRICT_CFLAGS) $(OPT_CFLAGS) $(BOARD_CFLAGS) $(EXTRA_CFLAGS) -I$(BATCH_MK_DIR) -c $< -o $@

$(BATCH_EXE): $(BATCH_OBJ)/hark_batch_main.o $(BATCH_IMAGE_DIR)/hark_batch_cases.o \
              $(foreach c,$(BATCH_CASES),$(BATCH_OBJ)/$(c).o) \
              $(call object_of,$(HARNESS_LIBRARY_SOURCES)) $(HARK_OBJECTS) $(NN_OBJECTS) $(BOARD_OBJECTS)
	$(call link,$^)
