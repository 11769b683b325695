package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/**
 * The comment at the top of every generated file. It names the model and its digest so a firmware image can be
 * traced back to the exact model file, and carries no date so regenerating an unchanged model changes nothing.
 *
 * @param fileName    the file's own name
 * @param purpose     one sentence saying what the file holds
 * @param modelName   the model's name
 * @param modelDigest SHA-256 (hex) of the model's file form
 * @param generator   the generator's name
 */
public record FileBanner(String fileName, String purpose, String modelName, String modelDigest, String generator)
        implements ModelElement {
}
