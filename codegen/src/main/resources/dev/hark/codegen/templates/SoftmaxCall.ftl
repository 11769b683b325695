<#-- @ftlvariable name="model" type="dev.hark.codegen.model.SoftmaxCall" -->
<@includeModel object=model.comment indent="    "/>
    arm_softmax_s8(${model.input}, ${model.rows}, ${model.rowSize},
                   ${model.mult}, ${model.shift}, ${model.diffMin},
                   ${model.output});
