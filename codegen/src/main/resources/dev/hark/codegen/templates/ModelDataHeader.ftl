<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ModelDataHeader" -->
<@includeModel object=model.banner/>

#ifndef ${model.guard}
#define ${model.guard}

#include <stddef.h>
#include <stdint.h>

#include "hark_nn_types.h"

<#list model.macros as macro>
<@includeModel object=macro/>
<#sep>

</#sep>
<#if !macro?has_next>

</#if>
</#list>
<#list model.declarations as declaration>
<@includeModel object=declaration/>
<#sep>

</#sep>
</#list>

#endif /* ${model.guard} */
