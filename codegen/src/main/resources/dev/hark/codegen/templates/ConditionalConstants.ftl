<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConditionalConstants" -->
#if ${model.condition}
<#list model.whenTrue as constant>

<@includeModel object=constant/>
</#list>

#else
<#list model.otherwise as constant>

<@includeModel object=constant/>
</#list>

#endif<#if model.labelEnd> /* ${model.condition} */</#if>
