package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/** {@code hark_model_data.h}: scalar parameters as macros and declarations of the constants the network uses. */
public record ModelDataHeader(FileBanner banner, String guard, List<MacroConstant> macros,
                              List<ConstantDeclaration> declarations) implements ModelElement {
    public ModelDataHeader {
        macros = List.copyOf(macros);
        declarations = List.copyOf(declarations);
    }
}
