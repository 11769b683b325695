package dev.hark.sim.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that a model file may leave out: files written before it existed have no such member, and they
 * are read with the component null. A null component is not written, so a model without it is written byte for byte
 * as before (and its SHA-256, which generated code embeds, does not change). Readers ignore members they do not know,
 * so older readers read a file that has it; such a component therefore needs no new format version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface OptionalInFile {
}
