<#-- @ftlvariable name="model" type="dev.hark.codegen.model.TransposeCall" -->
<@includeModel object=model.comment indent="    "/>
    HARK_CHECK(hark_transpose_s8(${model.input}, ${model.output}, ${model.rows}, ${model.cols}));
