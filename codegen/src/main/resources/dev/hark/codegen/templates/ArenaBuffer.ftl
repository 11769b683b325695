<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ArenaBuffer" -->
    int8_t *const ${model.name} = arena + ${model.offset};<#if model.comment?has_content> /* ${model.comment} */</#if>
