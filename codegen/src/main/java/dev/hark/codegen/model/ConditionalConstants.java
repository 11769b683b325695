package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * Constants of {@code hark_model_data.c} that exist in one form or another by a preprocessor condition: the build
 * for a core compiles one of the two.
 *
 * @param condition the {@code #if} expression, e.g. {@code HARK_GRU_WIDENED_WEIGHTS}
 * @param labelEnd  whether the {@code #endif} names the condition in a comment (the arrays between can be long)
 * @param whenTrue  the constants compiled when it holds
 * @param otherwise the constants compiled when it does not
 */
public record ConditionalConstants(String condition, boolean labelEnd, List<ModelElement> whenTrue,
                                   List<ModelElement> otherwise)
        implements ModelElement {
    public ConditionalConstants {
        whenTrue = List.copyOf(whenTrue);
        otherwise = List.copyOf(otherwise);
    }
}
