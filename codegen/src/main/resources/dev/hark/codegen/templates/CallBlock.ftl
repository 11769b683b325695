<#-- @ftlvariable name="model" type="dev.hark.codegen.model.CallBlock" -->
<@includeModel object=model.call/>
<#list model.traces as trace>
<@includeModel object=trace/>
</#list>
