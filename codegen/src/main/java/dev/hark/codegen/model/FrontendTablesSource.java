package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code hark_frontend_tables.c}: the front end's tables (window, twiddles, mel filterbank), read-only.
 *
 * @param header the header it includes, which declares every table
 */
public record FrontendTablesSource(FileBanner banner, String header, List<ConstantArray> tables)
        implements ModelElement {
    public FrontendTablesSource {
        tables = List.copyOf(tables);
    }
}
