package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/** {@code hark_model_settings.h}: the constants the application and the front end must agree on with training. */
public record ModelSettingsHeader(FileBanner banner, String guard, List<MacroConstant> macros)
        implements ModelElement {
    public ModelSettingsHeader {
        macros = List.copyOf(macros);
    }
}
