<#-- @ftlvariable name="model" type="dev.hark.codegen.model.MacroConstant" -->
<@includeModel object=model.comment/>
#define ${model.name} ${model.value}
