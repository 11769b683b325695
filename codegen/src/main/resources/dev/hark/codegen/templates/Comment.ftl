<#-- @ftlvariable name="model" type="dev.hark.codegen.model.Comment" -->
<#assign indent = ext.indent!"">
<#if model.lines?size == 1>
${indent}/* ${model.lines[0]} */
<#elseif model.lines?size gt 1>
${indent}/*
<#list model.lines as line>
${indent} *<#if line?has_content> ${line}</#if>
</#list>
${indent} */
</#if>
