<#-- @ftlvariable name="model" type="dev.hark.codegen.model.WindowPushCall" -->
<@includeModel object=model.comment indent="    "/>
    HARK_CHECK(hark_window_push_s8(${model.window}, ${model.slotSize}, ${model.slots}, ${model.input}));
