<#-- @ftlvariable name="model" type="dev.hark.codegen.model.TracePoint" -->
    hark_emit_trace(trace, user, ${model.layerMacro}, ${model.buffer});
