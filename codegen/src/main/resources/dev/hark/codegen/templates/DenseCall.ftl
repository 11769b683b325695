<#-- @ftlvariable name="model" type="dev.hark.codegen.model.DenseCall" -->
<@includeModel object=model.comment indent="    "/>
<@includeModel object=model.fc/>
<@includeModel object=model.trace/>
