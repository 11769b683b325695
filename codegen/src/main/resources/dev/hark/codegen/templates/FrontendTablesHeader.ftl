<#-- @ftlvariable name="model" type="dev.hark.codegen.model.FrontendTablesHeader" -->
<@includeModel object=model.banner/>

#ifndef ${model.guard}
#define ${model.guard}

#include <stdint.h>

<#-- A run of macros without comments is one group: no blank lines inside it. -->
<#list model.macros as macro>
<#if macro?index gt 0 && !macro.comment.empty>

</#if>
<@includeModel object=macro/>
</#list>

<#list model.declarations as declaration>
<@includeModel object=declaration/>
<#sep>

</#sep>
</#list>

#endif /* ${model.guard} */
