package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;

/** One output file: its name in the output directory and the element that renders its whole content. */
public record GeneratedFile(String fileName, ModelElement content) {
    public GeneratedFile {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("generated file names are plain names: " + fileName);
        }
    }
}
