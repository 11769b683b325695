package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_model_data.c}: every constant of the model in definition order (arrays before the structs that
 * point at them).
 */
public record ModelDataSource(FileBanner banner, List<ModelElement> constants) implements ModelElement {
    public ModelDataSource {
        constants = List.copyOf(constants);
    }
}
