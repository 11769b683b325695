<#-- @ftlvariable name="model" type="dev.hark.codegen.model.GruParamsConstant" -->
<@includeModel object=model.comment/>
const hark_gru_s8_params ${model.name} = {
    .input_size = ${model.inputSize},
    .hidden_size = ${model.hiddenSize},
    .input_fc = {
<#list model.inputFc as fc>
<@includeModel object=fc indent="        " terminator=","/>
</#list>
    },
    .hidden_fc = {
<#list model.hiddenFc as fc>
<@includeModel object=fc indent="        " terminator=","/>
</#list>
    },
<#list model.adds as add>
<@includeModel object=add/>
</#list>
<#list model.muls as mul>
<@includeModel object=mul/>
</#list>
    .sigmoid_r = ${model.tables[0]},
    .sigmoid_z = ${model.tables[1]},
    .one_minus_sigmoid_z = ${model.tables[2]},
    .tanh_n = ${model.tables[3]},
    .add_r_inputs = ${model.addInputs[0]},
    .add_z_inputs = ${model.addInputs[1]},
    .add_n_inputs = ${model.addInputs[2]},
    .add_h_inputs = ${model.addInputs[3]},
    .input_weights_wide = {
<#list model.inputWeightsWide as weights>
        ${weights},
</#list>
    },
    .hidden_weights_wide = {
<#list model.hiddenWeightsWide as weights>
        ${weights},
</#list>
    },
};
