package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.fail;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The PDM decimator's C constants (hark-audio/.../hark_pdm_tables.h/.c) are exactly what {@link PdmTablesSource}
 * renders from the Java design, so C and Java share one definition. On a difference the files as they should be are
 * written under target/pdm-tables/, to be copied into the template.
 */
@Fast
class PdmTablesTest {

    @Test
    void headerIsTheJavaDesign() throws IOException {
        assertFileIs(PdmTablesSource.HEADER_PATH, PdmTablesSource.header());
    }

    @Test
    void sourceIsTheJavaDesign() throws IOException {
        assertFileIs(PdmTablesSource.SOURCE_PATH, PdmTablesSource.source());
    }

    private static void assertFileIs(String relative, String expected) throws IOException {
        Path file = FirmwareBuildSupport.moduleDir().resolve(relative);
        String actual = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            Path rendered = FirmwareBuildSupport.moduleDir().resolve("target/pdm-tables").resolve(relative);
            Files.createDirectories(rendered.getParent());
            AtomicFiles.writeString(rendered, expected);
            fail(relative + " differs from what PdmFilters defines; the file as it should be is " + rendered);
        }
    }
}
