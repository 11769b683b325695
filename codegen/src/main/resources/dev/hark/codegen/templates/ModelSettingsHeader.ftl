<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ModelSettingsHeader" -->
<@includeModel object=model.banner/>

#ifndef ${model.guard}
#define ${model.guard}

<#list model.macros as macro>
<@includeModel object=macro/>
<#sep>

</#sep>
</#list>

#endif /* ${model.guard} */
