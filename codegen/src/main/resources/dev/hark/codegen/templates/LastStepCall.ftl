<#-- @ftlvariable name="model" type="dev.hark.codegen.model.LastStepCall" -->
<@includeModel object=model.comment indent="    "/>
<#if model.copy>
    for (int32_t i = 0; i < ${model.size}; i++)
    {
        ${model.output}[i] = ${model.sequence}[${model.offset} + i];
    }
<#else>
    const int8_t *const ${model.output} = ${model.sequence} + ${model.offset};
</#if>
