<#-- @ftlvariable name="model" type="dev.hark.codegen.model.MulParamsInitializer" -->
    .${model.field} = {
        .input_1_offset = ${model.input1Offset},
        .input_2_offset = ${model.input2Offset},
        .out_offset = ${model.outOffset},
        .out_mult = ${model.outMult},
        .out_shift = ${model.outShift},
        .out_activation_min = ${model.activationMin},
        .out_activation_max = ${model.activationMax},
    },
