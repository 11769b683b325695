/**
 * The generated program as immutable data: one record per kind of C construct (a constant array, a parameter
 * struct, a layer's calls, the arena, a whole file). Each renders with the template of its own name
 * ({@link dev.hark.codegen.writer.ModelElement}); nothing here computes, it only holds decisions made in
 * {@code dev.hark.codegen.build}.
 */
package dev.hark.codegen.model;
