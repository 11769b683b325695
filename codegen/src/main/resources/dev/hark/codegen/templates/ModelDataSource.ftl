<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ModelDataSource" -->
<@includeModel object=model.banner/>

#include "hark_model_data.h"

<#list model.constants as constant>
<@includeModel object=constant/>
<#sep>

</#sep>
</#list>
