<#-- @ftlvariable name="model" type="dev.hark.codegen.model.SoftmaxCall" -->
<@includeModel object=model.comment indent="    "/>
    HARK_CHECK(hark_softmax_s8(${model.input}, ${model.rows}, ${model.rowSize}, ${model.table}, ${model.output}));
