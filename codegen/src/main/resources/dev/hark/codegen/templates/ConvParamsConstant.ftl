<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConvParamsConstant" -->
<@includeModel object=model.comment/>
const cmsis_nn_conv_params ${model.name} = {
    .input_offset = ${model.inputOffset},
    .output_offset = ${model.outputOffset},
    .stride = {.w = ${model.strideW}, .h = ${model.strideH}},
    .padding = {.w = ${model.padW}, .h = ${model.padH}},
    .dilation = {.w = ${model.dilationW}, .h = ${model.dilationH}},
    .activation = {.min = ${model.activationMin}, .max = ${model.activationMax}},
};

/* CMSIS-NN declares these pointers non-const although the kernels only read through them. */
const cmsis_nn_per_channel_quant_params ${model.quantName} = {
    .multiplier = (int32_t *)${model.multipliers},
    .shift = (int32_t *)${model.shifts},
};
