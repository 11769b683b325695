package dev.hark.codegen.build;

/**
 * An int8 tensor as the generated code sees it while a layer is being assembled.
 *
 * @param expression the C expression of its first byte: a function parameter ({@code features}, {@code output}),
 *                   an arena buffer's name, or the name of a pointer into one (a view)
 * @param size       bytes
 * @param inArena    true for an arena buffer or a view into one, whose lifetime the planner must know
 */
record Activation(String expression, int size, boolean inArena) {
}
