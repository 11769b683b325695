package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * The comment at the top of every generated file. It names what the file was generated from (a model and its digest,
 * or the front end) so a firmware image can be traced back to its source, and carries no date so regenerating an
 * unchanged source changes nothing.
 *
 * @param description the file's name and what it holds, wrapped into comment lines
 * @param source      what the file was generated from, e.g. {@code model "kws"}
 * @param detail      what pins that source down, e.g. {@code SHA-256 <hex>} of the model's file form
 * @param editInstead what to change instead of the file, e.g. {@code the model}
 * @param generator   the generator's name
 */
public record FileBanner(List<String> description, String source, String detail, String editInstead,
                         String generator) implements ModelElement {
    public FileBanner {
        description = List.copyOf(description);
    }
}
