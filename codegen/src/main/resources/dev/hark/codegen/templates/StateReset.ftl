<#-- @ftlvariable name="model" type="dev.hark.codegen.model.StateReset" -->
<@includeModel object=model.comment indent="    "/>
    memset(arena + ${model.offset}, ${model.value}, ${model.size});
