package dev.hark.codegen.model;

/**
 * The scratch memory handed to a kernel through its {@code cmsis_nn_context}.
 *
 * @param buffer the arena buffer's C name, or {@code null} when the kernel needs none
 * @param size   planned bytes; the generated code refuses to run if the library asks for more
 */
public record Scratch(String buffer, int size) {
    public static final Scratch NONE = new Scratch(null, 0);

    /** The C initializer of the context, for example {@code {conv_scratch, 400}} or {@code {NULL, 0}}. */
    public String initializer() {
        return "{" + (buffer == null ? "NULL" : buffer) + ", " + size + "}";
    }
}
