/**
 * Rendering and writing: {@link dev.hark.codegen.writer.ModelWriter} (one FreeMarker configuration, templates by
 * convention, {@code includeModel} for composition) and {@link dev.hark.codegen.writer.GeneratedFilesWriter}
 * (write only what changed, atomically; remove stale generated files).
 */
package dev.hark.codegen.writer;
