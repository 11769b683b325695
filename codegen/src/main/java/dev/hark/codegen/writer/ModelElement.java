package dev.hark.codegen.writer;

/**
 * A piece of generated source that renders itself with one FreeMarker template, found by convention: the class's
 * simple name plus {@code .ftl} under {@value #TEMPLATE_ROOT}. There is no registry: adding an element type means
 * adding a class and a template of the same name.
 *
 * <p>Elements are immutable and hold every decision already made (names, sizes, offsets, comment text), so a
 * template only lays text out. Inside its template an element is {@code model}; children are rendered with
 * {@code <@includeModel object=child/>}.
 */
public interface ModelElement {
    /** Classpath folder of all templates. */
    String TEMPLATE_ROOT = "dev/hark/codegen/templates/";

    /** The template that renders this element. */
    default String templateName() {
        return TEMPLATE_ROOT + getClass().getSimpleName() + ".ftl";
    }
}
