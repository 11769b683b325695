<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FcParamsInitializer" -->
<#assign indent = ext.indent!"">
<#if model.label?has_content>
${indent}/* ${model.label} */
</#if>
${indent}{
${indent}    .weights = ${model.weights},
${indent}    .bias = ${model.bias},
${indent}    .fc_params = {
${indent}        .input_offset = ${model.inputOffset},
${indent}        .filter_offset = ${model.filterOffset},
${indent}        .output_offset = ${model.outputOffset},
${indent}        .activation = {.min = ${model.activationMin}, .max = ${model.activationMax}},
${indent}    },
${indent}    .quant_params = {.multiplier = ${model.multiplier}, .shift = ${model.shift}},
${indent}}${ext.terminator!""}
