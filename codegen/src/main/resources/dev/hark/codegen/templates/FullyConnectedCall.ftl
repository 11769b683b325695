<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FullyConnectedCall" -->
<@includeModel object=model.comment indent="    "/>
    {
        const cmsis_nn_context ctx = ${model.scratch.initializer()};
        const cmsis_nn_dims input_dims = ${model.inputDims.initializer()};
        const cmsis_nn_dims filter_dims = ${model.filterDims.initializer()};
        const cmsis_nn_dims bias_dims = ${model.biasDims.initializer()};
        const cmsis_nn_dims output_dims = ${model.outputDims.initializer()};
        HARK_CHECK(hark_fully_connected_s8(&ctx,
                                           &${model.params}.fc_params,
                                           &${model.params}.quant_params,
                                           &input_dims, ${model.input},
                                           &filter_dims, ${model.weights},
                                           &bias_dims, ${model.params}.bias,
                                           &output_dims, ${model.output}));
    }
