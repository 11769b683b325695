<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FullyConnectedCall" -->
<@includeModel object=model.comment indent="    "/>
    {
        const cmsis_nn_context ctx = ${model.scratch.initializer()};
        const cmsis_nn_dims input_dims = ${model.inputDims.initializer()};
        const cmsis_nn_dims filter_dims = ${model.filterDims.initializer()};
        const cmsis_nn_dims bias_dims = ${model.biasDims.initializer()};
        const cmsis_nn_dims output_dims = ${model.outputDims.initializer()};
<#assign pad = ""?left_pad(model.function?length + 20)>
        HARK_CHECK(${model.function}(&ctx,
${pad}&${model.params}.fc_params,
${pad}&${model.params}.quant_params,
${pad}&input_dims, ${model.input},
${pad}&filter_dims, ${model.weights},
${pad}&bias_dims, ${model.params}.bias,
${pad}&output_dims, ${model.output}));
    }
