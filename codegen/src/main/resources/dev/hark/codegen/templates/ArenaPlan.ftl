<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ArenaPlan" -->
<#if model.table?has_content>
/*
 * Memory plan: every activation and every kernel's scratch memory lives in hark_arena at a fixed offset chosen
 * by hark codegen. Buffers whose lifetimes (in call steps) do not overlap share bytes. No heap is used.
 *
<#list model.table as line>
 * ${line}
</#list>
 */
</#if>
static int8_t hark_arena[${model.sizeBytes}] __attribute__((aligned(${model.alignment})));
