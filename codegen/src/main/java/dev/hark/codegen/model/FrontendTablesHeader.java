package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_frontend_tables.h}: the front end's constants as macros and the declarations of its tables, for the C
 * front end in the firmware template.
 */
public record FrontendTablesHeader(FileBanner banner, String guard, List<MacroConstant> macros,
                                   List<ConstantDeclaration> declarations) implements ModelElement {
    public FrontendTablesHeader {
        macros = List.copyOf(macros);
        declarations = List.copyOf(declarations);
    }
}
