<#-- @ftlvariable name="model" type="dev.hark.codegen.model.AttentionCall" -->
<@includeModel object=model.comment indent="    "/>
<@includeModel object=model.energy/>
<@includeModel object=model.tanh/>

<@includeModel object=model.score/>

<@includeModel object=model.softmax/>
<@includeModel object=model.weightsTrace/>

<@includeModel object=model.transpose/>
<@includeModel object=model.context/>
<@includeModel object=model.contextTrace/>
