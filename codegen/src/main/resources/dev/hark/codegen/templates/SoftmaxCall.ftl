<#-- @ftlvariable name="model" type="dev.hark.codegen.model.SoftmaxCall" -->
<@includeModel object=model.comment indent="    "/>
<@includeModel object=model.softmax/>
<@includeModel object=model.trace/>
