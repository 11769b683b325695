# SPDX-License-Identifier: Apache-2.0
# Copyright hark authors
#
# hark's generated network and the C runtime it links, for a project built with GNU Make (4.2 or later). This file
# sits in the folder `hark generate` (or the Maven plugin's generate goal) writes; in your Makefile:
#
#   HARK_CMSIS_NN_DIR := <checkout>     # optional, before the include: ARM's CMSIS-NN instead of the portable subset
#   include <that folder>/hark.mk
#   CFLAGS += $(HARK_CFLAGS)
#   firmware: main.o $(call hark_objects,build/obj)
#   build/obj/%.o: /%.c ; mkdir -p $(@D) && $(CC) $(CFLAGS) -c $< -o $@
#
# It defines, and builds nothing by itself:
#   HARK_SOURCES   every C file to compile: the generated network, the glue kernels, the keyword detector, the PDM
#                  microphone decimator (hark-audio), the front end (when the front-end tables were generated), the
#                  listening engine hark_kws (when the network was also generated for streaming) and CMSIS-NN (the
#                  portable subset in
#                  cmsis-nn-portable/, or all of HARK_CMSIS_NN_DIR's Source/*/*.c but the float files; link with
#                  --gc-sections and compile with -ffunction-sections to keep only what the network calls)
#   hark_objects   $(call hark_objects,<dir>): the object of each of $(HARK_SOURCES) under <dir>, at the source's
#                  absolute path (so equal file names never collide, and nothing is written beside the sources)
#   HARK_CFLAGS    -I for every include folder, and -DCMSIS_NN_USE_SINGLE_ROUNDING when hark_model_settings.h says
#                  HARK_SINGLE_ROUNDING 1 (the model's rounding; the generated code refuses to compile against the
#                  other build)
# hark's own code is C99 and builds warning-free with -Wall -Wextra -Wconversion -Wshadow; ARM's library is third-party code with its own
# conventions. Paths must not contain spaces.

HARK_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
HARK_CMSIS_NN_DIR ?=

ifeq ($(wildcard $(HARK_DIR)/hark_network.h),)
  $(error hark: $(HARK_DIR) holds no generated hark_network.h; generate the model's sources there)
endif

ifneq ($(HARK_CMSIS_NN_DIR),)
  ifeq ($(wildcard $(HARK_CMSIS_NN_DIR)/Include/arm_nnfunctions.h),)
    $(error hark: HARK_CMSIS_NN_DIR=$(HARK_CMSIS_NN_DIR) is not a CMSIS-NN checkout: Include/arm_nnfunctions.h is missing)
  endif
  HARK_NN_SOURCES := $(filter-out %_f16.c %_f32.c,$(wildcard $(abspath $(HARK_CMSIS_NN_DIR))/Source/*/*.c))
  HARK_NN_INCLUDES := -isystem $(abspath $(HARK_CMSIS_NN_DIR))/Include
else
  ifeq ($(wildcard $(HARK_DIR)/cmsis-nn-portable),)
    $(error hark: $(HARK_DIR) has no cmsis-nn-portable/ (the sources were generated for a CMSIS-NN checkout): set HARK_CMSIS_NN_DIR to it)
  endif
  HARK_NN_SOURCES := $(wildcard $(HARK_DIR)/cmsis-nn-portable/Source/*/*.c)
  HARK_NN_INCLUDES := -I$(HARK_DIR)/cmsis-nn-portable/Include
endif

# The front end needs the generated tables, which a model of another front end does not have; the listening engine
# (hark_kws) needs the front end and a network generated for streaming (HARK_HOP_FRAMES in hark_network.h).
HARK_FRONTEND := $(if $(wildcard $(HARK_DIR)/hark_frontend_tables.h),hark-frontend)
HARK_LISTENING := $(if $(HARK_FRONTEND),$(if $(findstring define HARK_HOP_FRAMES ,$(file <$(HARK_DIR)/hark_network.h)),$(HARK_DIR)/hark-kws/Source/hark_kws.c))

HARK_SOURCES := $(wildcard $(HARK_DIR)/*.c) $(wildcard $(HARK_DIR)/hark-kernels/Source/*.c) \
                $(HARK_DIR)/hark-kws/Source/hark_detector.c $(HARK_LISTENING) \
                $(wildcard $(HARK_DIR)/hark-audio/Source/*.c) \
                $(if $(HARK_FRONTEND),$(wildcard $(HARK_DIR)/hark-frontend/Source/*.c)) \
                $(HARK_NN_SOURCES)
hark_objects = $(patsubst /%.c,$(1)/%.o,$(HARK_SOURCES))

HARK_SINGLE_ROUNDING := $(findstring define HARK_SINGLE_ROUNDING 1,$(file <$(HARK_DIR)/hark_model_settings.h))
HARK_CFLAGS := -I$(HARK_DIR) $(foreach folder,hark-kernels hark-kws hark-audio $(HARK_FRONTEND),-I$(HARK_DIR)/$(folder)/Include) \
               $(HARK_NN_INCLUDES) $(if $(HARK_SINGLE_ROUNDING),-DCMSIS_NN_USE_SINGLE_ROUNDING)
