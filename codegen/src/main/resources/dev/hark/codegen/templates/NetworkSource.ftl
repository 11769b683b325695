<#-- @ftlvariable name="model" type="dev.hark.codegen.model.NetworkSource" -->
<@includeModel object=model.banner/>

#include "hark_network.h"

#include <stddef.h>

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

arm_cmsis_nn_status hark_network_run(const int8_t *features, int8_t *output, hark_trace_fn trace, void *user)
{
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
