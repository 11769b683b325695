<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FcParamsConstant" -->
<@includeModel object=model.comment/>
const hark_fc_s8_params ${model.name} =
<@includeModel object=model.value terminator=";"/>
