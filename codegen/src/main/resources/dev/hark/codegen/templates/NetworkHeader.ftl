<#-- @ftlvariable name="model" type="dev.hark.codegen.model.NetworkHeader" -->
<@includeModel object=model.banner/>

#ifndef ${model.guard}
#define ${model.guard}

#include <stdint.h>

#include "arm_nn_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Feature values per clip: [frames][mel bins] int8, as the front end quantizes them. */
#define HARK_INPUT_SIZE ${model.inputSize}

/** Output values: the last traced tensor (for a classifier, one int8 probability per class). */
#define HARK_OUTPUT_SIZE ${model.outputSize}

/** Number of traced tensors, the intermediate results hark_network_run() can report. */
#define HARK_LAYER_COUNT ${model.layerCount}

/* Index of each traced tensor in hark_layer_names[] and hark_layer_sizes[], in execution order. */
<#list model.layerMacros as macro>
<@includeModel object=macro/>
</#list>

/** Name of each traced tensor, as the model and the simulator name it. */
extern const char *const hark_layer_names[HARK_LAYER_COUNT];

/** Size in bytes of each traced tensor. */
extern const int32_t hark_layer_sizes[HARK_LAYER_COUNT];

/**
 * Receives one traced tensor while the network runs. The data is only valid during the call: copy what you need.
 *
 * @param layer index into hark_layer_names[], reported in increasing order
 * @param data  the tensor, int8
 * @param size  hark_layer_sizes[layer]
 * @param user  the pointer given to hark_network_run()
 */
typedef void (*hark_trace_fn)(int32_t layer, const int8_t *data, int32_t size, void *user);

/**
 * Runs the network on one clip.
 *
 * Uses a static arena inside hark_network.c, so it is not reentrant: do not call it from two threads or from an
 * interrupt that may preempt it. It allocates nothing.
 *
 * @param features HARK_INPUT_SIZE int8 values, [frames][mel bins]; only read
 * @param output   HARK_OUTPUT_SIZE int8 values, written
 * @param trace    called once per traced tensor as soon as it is computed, or NULL
 * @param user     passed to trace unchanged
 *
 * @return ARM_CMSIS_NN_SUCCESS; otherwise the first failing kernel's status (ARM_CMSIS_NN_ARG_ERROR also when
 *         the CMSIS-NN build asks for more scratch memory than was planned), and output is then incomplete.
 */
arm_cmsis_nn_status hark_network_run(const int8_t *features, int8_t *output, hark_trace_fn trace, void *user);

#ifdef __cplusplus
}
#endif

#endif /* ${model.guard} */
