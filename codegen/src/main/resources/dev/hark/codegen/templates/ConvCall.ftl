<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConvCall" -->
<@includeModel object=model.comment indent="    "/>
    {
        const cmsis_nn_context ctx = ${model.scratch.initializer()};
        const cmsis_nn_dims input_dims = ${model.inputDims.initializer()};
        const cmsis_nn_dims filter_dims = ${model.filterDims.initializer()};
        const cmsis_nn_dims bias_dims = ${model.biasDims.initializer()};
        const cmsis_nn_dims output_dims = ${model.outputDims.initializer()};
        HARK_REQUIRE_SCRATCH(ctx, arm_convolve_wrapper_s8_get_buffer_size(&${model.params}, &input_dims,
                                                                          &filter_dims, &output_dims));
        HARK_CHECK(arm_convolve_wrapper_s8(&ctx,
                                           &${model.params},
                                           &${model.quantParams},
                                           &input_dims, ${model.input},
                                           &filter_dims, ${model.weights},
                                           &bias_dims, ${model.bias},
                                           &output_dims, ${model.output}));
    }
