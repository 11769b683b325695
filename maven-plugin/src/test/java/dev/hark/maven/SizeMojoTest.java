package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.testing.Fast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The size goal's parameters and failures, without building anything ({@link SizeMojoBuildTest} builds). */
@Fast
class SizeMojoTest {
    @TempDir
    Path dir;
    final RecordingLog log = new RecordingLog();

    private SizeMojo mojo() {
        return Mojos.size(dir.resolve("model.hark"), dir.resolve("generated"), dir.resolve("firmware"), log);
    }

    @Test
    void theHostAloneHasNoSizeToMeasure() {
        SizeMojo mojo = mojo();
        mojo.targets = List.of("HOST");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The parameter targets names no board, so there is no flash or RAM to"
                + " measure: add one of " + String.join(", ", Target.names().subList(1, Target.names().size()))),
                e.getMessage());
        assertFalse(e.getMessage().contains("host"), e.getMessage());
    }

    @Test
    void theHostIsPassedOverAmongBoards() throws MojoFailureException {
        SizeMojo mojo = mojo();
        mojo.targets = List.of("HOST", " MPS2_AN386");
        assertEquals(List.of(Target.MPS2_AN386), mojo.boardTargets());
    }

    @Test
    void anUnknownTargetIsNamed() {
        SizeMojo mojo = mojo();
        mojo.targets = List.of("MPS2_AN386", "stm32");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The parameter targets names an unknown target 'stm32': use "
                + String.join(", ", Target.names()) + ", all-qemu.", e.getMessage());
    }

    @Test
    void allQemuNamesEveryEmulatedBoard() throws MojoFailureException {
        SizeMojo mojo = mojo();
        mojo.targets = List.of("host", "all-qemu", "mps2-an386");
        assertEquals(Target.boards(), mojo.boardTargets());
    }

    @Test
    void aBudgetMustBePositive() {
        SizeMojo mojo = mojo();
        mojo.ramBudget = 0L;
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("The parameter ramBudget must be a positive number of bytes, not 0.", e.getMessage());
    }

    @Test
    void aMissingToolFailsWithItsAptPackagesInOneLine() {
        MissingToolException missing = new MissingToolException("arm-none-eabi-gcc",
                "to build the firmware for mps2-an386");
        MojoFailureException e = SizeMojo.failure(missing, log);
        assertEquals("arm-none-eabi-gcc is not installed (needed to build the firmware for mps2-an386); install it"
                + " with `apt-get install gcc-arm-none-eabi libnewlib-arm-none-eabi` (scripts/install-deps installs"
                + " the whole toolchain)", e.getMessage());
        assertEquals(List.of(), log.errors);
    }

    @Test
    void aFailedBuildFailsWithItsFirstLineAndLogsTheRest() {
        MojoFailureException e = SizeMojo.failure(new FirmwareRunException(
                "make TARGET=mps2-an386 failed with exit status 2:\nhark_network.c:1: error: x\nmake: *** Error 1"),
                log);
        assertEquals("make TARGET=mps2-an386 failed with exit status 2:", e.getMessage());
        assertEquals(List.of("hark_network.c:1: error: x\nmake: *** Error 1"), log.errors);
    }

    @Test
    void harkSkipBuildsNothing() throws Exception {
        SizeMojo mojo = mojo();
        mojo.skip = true;
        mojo.execute();
        assertFalse(Files.exists(dir.resolve("generated")));
        assertFalse(Files.exists(dir.resolve("firmware")));
    }
}
