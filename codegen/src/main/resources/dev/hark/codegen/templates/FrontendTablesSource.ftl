<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FrontendTablesSource" -->
<@includeModel object=model.banner/>

#include "${model.header}"

<#list model.tables as table>
<@includeModel object=table/>
<#sep>

</#sep>
</#list>
