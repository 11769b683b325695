<#-- @ftlvariable name="model" type="dev.hark.codegen.model.LutCall" -->
<@includeModel object=model.comment indent="    "/>
    HARK_CHECK(hark_lut_s8(${model.input}, ${model.output}, ${model.size}, ${model.table}));
