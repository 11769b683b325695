<#-- @ftlvariable name="model" type="dev.hark.codegen.model.AttentionScoresCall" -->
<@includeModel object=model.comment indent="    "/>
    HARK_CHECK(hark_attention_scores_s8(&${model.energy}, ${model.table}, &${model.score},
                                        ${model.steps}, ${model.hiddenSize}, ${model.energySize}, ${model.input}, ${model.output}));
