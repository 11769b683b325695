<#-- @ftlvariable name="model" type="dev.hark.codegen.model.NetworkHeader" -->
<@includeModel object=model.banner/>

#ifndef ${model.guard}
#define ${model.guard}

#include <stdint.h>

#include "arm_nn_types.h"

#ifdef __cplusplus
extern "C" {
#endif

<#if model.streaming??>
/**
 * A streaming network: each step reads the last HARK_WINDOW_FRAMES feature frames, of which HARK_HOP_FRAMES are new
 * since the previous step, and gives the class probabilities of that moment. The arena keeps the state (hidden
 * states<#if model.streaming.attentionWindow gt 0>, the attention's window of HARK_ATTENTION_WINDOW steps</#if>) from one step to the next.
 */
#define HARK_FRAME_SIZE ${model.streaming.frameSize}
#define HARK_WINDOW_FRAMES ${model.streaming.windowFrames}
#define HARK_HOP_FRAMES ${model.streaming.hopFrames}
<#if model.streaming.attentionWindow gt 0>
#define HARK_ATTENTION_WINDOW ${model.streaming.attentionWindow}
</#if>

/** Feature values per step: [HARK_WINDOW_FRAMES][HARK_FRAME_SIZE] int8, as the front end quantizes them. */
#define HARK_INPUT_SIZE ${model.inputSize}
<#else>
/** Feature values per clip: [frames][mel bins] int8, as the front end quantizes them. */
#define HARK_INPUT_SIZE ${model.inputSize}
</#if>

/** Output values: the last traced tensor (for a classifier, one int8 probability per class). */
#define HARK_OUTPUT_SIZE ${model.outputSize}

/**
<#if model.streaming??>
 * Bytes of the arena the caller lends the network: every activation, all scratch memory and the state kept
 * between steps. It must start on a HARK_ARENA_ALIGNMENT-byte boundary.
<#else>
 * Bytes of the arena the caller lends the network: every activation and all scratch memory. It must start on a
 * HARK_ARENA_ALIGNMENT-byte boundary.
</#if>
 */
#define HARK_ARENA_SIZE ${model.arenaSize}
#define HARK_ARENA_ALIGNMENT ${model.arenaAlignment}

/** Number of traced tensors, the intermediate results the network can report. */
#define HARK_LAYER_COUNT ${model.layerCount}

/* Index of each traced tensor in hark_layer_names[] and hark_layer_sizes[], in execution order. */
<#list model.layerMacros as macro>
<@includeModel object=macro/>
</#list>
<#if model.streaming?? && model.streaming.keywordScore??>

/**
 * The keyword score of each step (hark_detector.h): the traced tensor of the logits it is computed from, and its
 * hark_keyword_score_params: the classes, the keyword's index, and one logit code in score steps of 1/16 nat (the
 * logits' scale x 16, ${model.streaming.keywordScore.perCode}) as arm_nn_requantize's multiplier and shift.
 */
<#assign score = model.streaming.keywordScore>
#define HARK_KEYWORD_LOGITS_LAYER ${score.logitsLayer}
#define HARK_KEYWORD_SCORE_PARAMS {${score.classes}, ${score.keywordClass}, ${score.multiplier}, ${score.shift}}
</#if>

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
 * @param user  the pointer given to the network
 */
typedef void (*hark_trace_fn)(int32_t layer, const int8_t *data, int32_t size, void *user);

<#if model.streaming??>
/**
 * Starts a stream: sets the state in the arena to its initial value. Call it before the first step and whenever
 * the stream starts over.
 *
 * @param arena HARK_ARENA_SIZE bytes, HARK_ARENA_ALIGNMENT-aligned, owned by the caller
 */
void hark_network_reset(int8_t *arena);

/**
 * Runs one step of the stream.
 *
 * Everything it writes is in the arena and the output, so two streams with their own arenas run independently. It
 * allocates nothing and keeps no other state.
 *
 * @param arena    the arena hark_network_reset() prepared; between steps only the network may change it
 * @param features HARK_INPUT_SIZE int8 values, the last HARK_WINDOW_FRAMES frames oldest first; only read
 * @param output   HARK_OUTPUT_SIZE int8 values, written
 * @param trace    called once per traced tensor as soon as it is computed, or NULL
 * @param user     passed to trace unchanged
 *
 * @return ARM_CMSIS_NN_SUCCESS; ARM_CMSIS_NN_ARG_ERROR for a NULL or misaligned arena or when the CMSIS-NN build
 *         asks for more scratch memory than was planned; otherwise the first failing kernel's status. The output
 *         and the state are then incomplete: reset before the next step.
 */
arm_cmsis_nn_status hark_network_step(int8_t *arena,
                                      const int8_t *features,
                                      int8_t *output,
                                      hark_trace_fn trace,
                                      void *user);
<#else>
/**
 * Runs the network on one clip.
 *
 * Everything it writes is in the arena and the output, so calls with their own arenas run independently. It
 * allocates nothing and keeps no state between calls.
 *
 * @param arena    HARK_ARENA_SIZE bytes, HARK_ARENA_ALIGNMENT-aligned, owned by the caller; its contents need not
 *                 be initialised
 * @param features HARK_INPUT_SIZE int8 values, [frames][mel bins]; only read
 * @param output   HARK_OUTPUT_SIZE int8 values, written
 * @param trace    called once per traced tensor as soon as it is computed, or NULL
 * @param user     passed to trace unchanged
 *
 * @return ARM_CMSIS_NN_SUCCESS; ARM_CMSIS_NN_ARG_ERROR for a NULL or misaligned arena or when the CMSIS-NN build
 *         asks for more scratch memory than was planned; otherwise the first failing kernel's status, and output
 *         is then incomplete.
 */
arm_cmsis_nn_status hark_network_run(int8_t *arena,
                                     const int8_t *features,
                                     int8_t *output,
                                     hark_trace_fn trace,
                                     void *user);
</#if>

#ifdef __cplusplus
}
#endif

#endif /* ${model.guard} */
