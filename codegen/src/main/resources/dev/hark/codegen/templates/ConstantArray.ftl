<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ConstantArray" -->
<@includeModel object=model.comment/>
<#if model.internal>static </#if>const ${model.cType} ${model.name}[${model.length}] __attribute__((aligned(${model.alignment}))) = {
<#list model.lines as line>
    ${line}
</#list>
};
