package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class KernelLibraryTest {
    @TempDir
    Path dir;

    /** A folder that has what the Makefile checks for in a CMSIS-NN checkout. */
    private Path checkout(String name) throws IOException {
        Path checkout = dir.resolve(name);
        Files.createDirectories(checkout.resolve("Include"));
        Files.writeString(checkout.resolve("Include/arm_nnfunctions.h"), "");
        return checkout;
    }

    @Test
    void thePortableSubsetIsChosenByAnEmptyMakeVariable() {
        KernelLibrary portable = KernelLibrary.of(null);
        assertTrue(portable.isPortable());
        assertEquals("CMSIS_NN_DIR=", portable.makeVariable());
        assertEquals("the portable CMSIS-NN subset", portable.toString());
        assertEquals(FirmwareTemplate.RUNTIME_FOLDERS, portable.runtimeFolders());
    }

    @Test
    void aCheckoutIsNamedAndLeavesThePortableFolderOutOfTheRuntime() throws IOException {
        Path checkout = checkout("CMSIS-NN");
        KernelLibrary real = KernelLibrary.cmsisNn(checkout);
        assertFalse(real.isPortable());
        assertEquals("CMSIS_NN_DIR=" + checkout, real.makeVariable());
        assertEquals("CMSIS-NN at " + checkout, real.toString());
        assertEquals(List.of("hark-kernels", "hark-frontend", "hark-audio", "hark-kws"), real.runtimeFolders());
        assertTrue(FirmwareTemplate.runtimeFiles(real).stream().noneMatch(f -> f.startsWith("cmsis-nn-portable/")));
        assertEquals(KernelLibrary.cmsisNn(checkout.resolve("Include/..")), real, "the path is normalized");
    }

    @Test
    void aFolderWithoutTheLibrarysHeaderIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelLibrary.cmsisNn(dir));
        assertEquals(dir + " is not a CMSIS-NN checkout: Include/arm_nnfunctions.h is missing", e.getMessage());
    }

    @Test
    void theEnvironmentVariableIsReportedOnlyWhenItNamesAnotherLibrary() throws IOException {
        Path a = checkout("a");
        Path b = checkout("b");
        KernelLibrary portable = KernelLibrary.portable();
        KernelLibrary real = KernelLibrary.cmsisNn(a);

        assertEquals(Optional.empty(), portable.environmentDisagreement(Map.of()));
        assertEquals(Optional.empty(), portable.environmentDisagreement(Map.of("CMSIS_NN_DIR", " ")));
        assertEquals(Optional.of("the environment variable CMSIS_NN_DIR=" + a + " is ignored: this build uses the"
                + " portable CMSIS-NN subset"), portable.environmentDisagreement(Map.of("CMSIS_NN_DIR", a.toString())));
        assertEquals(Optional.empty(), real.environmentDisagreement(Map.of("CMSIS_NN_DIR", a + "/")));
        assertEquals(Optional.empty(), real.environmentDisagreement(Map.of("CMSIS_NN_DIR", a + "/Include/..")));
        assertEquals(Optional.of("the environment variable CMSIS_NN_DIR=" + b + " is ignored: this build uses"
                + " CMSIS-NN at " + a), real.environmentDisagreement(Map.of("CMSIS_NN_DIR", b.toString())));
        assertEquals(Optional.of("the environment variable CMSIS_NN_DIR=/no/such/dir is ignored: this build uses"
                + " CMSIS-NN at " + a), real.environmentDisagreement(Map.of("CMSIS_NN_DIR", "/no/such/dir")));
    }
}
