package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * The comment at the top of every generated file. It names the model and its digest so a firmware image can be
 * traced back to the exact model file, and carries no date so regenerating an unchanged model changes nothing.
 *
 * @param description the file's name and what it holds, wrapped into comment lines
 * @param modelName   the model's name
 * @param modelDigest SHA-256 (hex) of the model's file form
 * @param generator   the generator's name
 */
public record FileBanner(List<String> description, String modelName, String modelDigest, String generator)
        implements ModelElement {
    public FileBanner {
        description = List.copyOf(description);
    }
}
