<#-- @ftlvariable name="model" type="dev.hark.codegen.model.GruCall" -->
<@includeModel object=model.comment indent="    "/>
    {
        const cmsis_nn_context ctx = ${model.scratch.initializer()};
        HARK_REQUIRE_SCRATCH(ctx, hark_gru_s8_get_buffer_size(&${model.params}, ${model.steps}));
        HARK_CHECK(hark_gru_s8(&ctx, &${model.params}, ${model.steps}, ${model.input}, ${model.state}, ${model.output}));
    }
