<#-- @ftlvariable name="model" type="dev.hark.codegen.model.ArenaPlan" -->
<#if model.table?has_content>
/*
<#if model.keepsState>
 * Memory plan: every activation, every kernel's scratch memory and the state kept between steps lives in the
 * caller's arena at a fixed offset chosen by hark codegen. Buffers whose lifetimes (in call steps) do not overlap
 * share bytes; state lives through every step. No heap is used.
<#else>
 * Memory plan: every activation and every kernel's scratch memory lives in the caller's arena at a fixed offset
 * chosen by hark codegen. Buffers whose lifetimes (in call steps) do not overlap share bytes. No heap is used.
</#if>
 *
<#list model.table as line>
 * ${line}
</#list>
 */
</#if>
