<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConstantDeclaration" -->
<@includeModel object=model.comment/>
extern const ${model.cType} ${model.name}<#if model.length gt 0>[${model.length}]</#if>;
