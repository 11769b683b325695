<#-- @ftlvariable name="model" type="dev.hark.codegen.model.NetworkSource" -->
<@includeModel object=model.banner/>

#include "hark_network.h"

#include <stddef.h>
#include <stdint.h>
<#if model.streaming>
#include <string.h>
</#if>

#include "arm_nnfunctions.h"
#include "hark_model_data.h"
#include "hark_nnfunctions.h"

/* The model's integers were checked against one CMSIS-NN rounding mode; the other gives different results. */
<#if model.singleRounding>
#if !defined(CMSIS_NN_USE_SINGLE_ROUNDING)
#error "this model needs CMSIS-NN built with CMSIS_NN_USE_SINGLE_ROUNDING defined"
#endif
<#else>
#if defined(CMSIS_NN_USE_SINGLE_ROUNDING)
#error "this model needs CMSIS-NN built without CMSIS_NN_USE_SINGLE_ROUNDING"
#endif
</#if>

<@includeModel object=model.arena/>

const char *const hark_layer_names[HARK_LAYER_COUNT] = {
<#list model.layerNames as name>
    ${name},
</#list>
};

const int32_t hark_layer_sizes[HARK_LAYER_COUNT] = {
<#list model.layerSizes as size>
    ${size},
</#list>
};

/*
 * Refuses to run when the CMSIS-NN build in use wants more scratch memory than the plan gave the call (the plan
 * assumes a core without Helium); overrunning the buffer would corrupt other activations silently.
 */
#define HARK_REQUIRE_SCRATCH(ctx, needed)                                                                     \
    do                                                                                                        \
    {                                                                                                         \
        if ((needed) > (ctx).size)                                                                            \
        {                                                                                                     \
            return ARM_CMSIS_NN_ARG_ERROR;                                                                    \
        }                                                                                                     \
    } while (0)

/* Hands a traced tensor to the caller's callback, if there is one. */
static void hark_emit_trace(hark_trace_fn trace, void *user, int32_t layer, const int8_t *data)
{
    if (trace != NULL)
    {
        trace(layer, data, hark_layer_sizes[layer], user);
    }
}

/* The kernels' vector loads assume the planned alignment of every buffer. */
static int hark_arena_usable(const int8_t *arena)
{
    return arena != NULL && ((uintptr_t)arena % HARK_ARENA_ALIGNMENT) == 0;
}

<#if model.streaming>
void hark_network_reset(int8_t *arena)
{
<#list model.stateResets as reset>
<@includeModel object=reset/>
</#list>
}

arm_cmsis_nn_status hark_network_step(int8_t *arena,
                                      const int8_t *features,
                                      int8_t *output,
                                      hark_trace_fn trace,
                                      void *user)
<#else>
arm_cmsis_nn_status hark_network_run(int8_t *arena,
                                     const int8_t *features,
                                     int8_t *output,
                                     hark_trace_fn trace,
                                     void *user)
</#if>
{
    if (!hark_arena_usable(arena))
    {
        return ARM_CMSIS_NN_ARG_ERROR;
    }
<#list model.arena.buffers as buffer>
<@includeModel object=buffer/>
</#list>

<#list model.layers as layer>
<@includeModel object=layer/>
<#sep>

</#sep>
</#list>

    return ARM_CMSIS_NN_SUCCESS;
}
