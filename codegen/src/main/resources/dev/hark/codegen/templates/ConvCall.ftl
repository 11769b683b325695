<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConvCall" -->
<#assign call = "HARK_CHECK(" + model.function + "(">
<#assign pad = ""?left_pad(call?length + 8)>
<#-- The scratch check's arguments fill lines of up to 120 columns, continued under the first argument. -->
<#assign head = "        HARK_REQUIRE_SCRATCH(ctx, " + model.function + "_get_buffer_size(">
<#assign continuation = ""?left_pad(head?length)>
<#assign line = head>
<@includeModel object=model.comment indent="    "/>
    {
        const cmsis_nn_context ctx = ${model.scratch.initializer()};
        const cmsis_nn_dims input_dims = ${model.inputDims.initializer()};
        const cmsis_nn_dims filter_dims = ${model.filterDims.initializer()};
        const cmsis_nn_dims bias_dims = ${model.biasDims.initializer()};
        const cmsis_nn_dims output_dims = ${model.outputDims.initializer()};
<#list model.bufferSizeArguments as argument>
<#assign piece = argument + argument?has_next?then(",", "));")>
<#if line != head && (line + " " + piece)?length gt 120>
${line}
<#assign line = continuation + piece>
<#else>
<#assign line = line + (line == head)?then("", " ") + piece>
</#if>
</#list>
${line}
        ${call}&ctx,
${pad}&${model.params},
${pad}&${model.quantParams},
${pad}&input_dims, ${model.input},
${pad}&filter_dims, ${model.weights},
${pad}&bias_dims, ${model.bias},
${pad}&output_dims, ${model.output}));
    }
