package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import dev.hark.firmware.run.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs test/kernel_test.c: hark's optimized kernels give the same bytes as their references (hark_convolve_1ch_s8
 * as arm_convolve_wrapper_s8) on random cases and extremes, on the host (plain C) and on every core QEMU emulates
 * (the DSP path where the core has the extension).
 */
class KernelTest {

    @Test
    @Slow
    void optimizedKernelsEqualTheirReferencesOnTheHost() {
        optimizedKernelsEqualTheirReferences("host");
    }

    @ParameterizedTest
    @MethodSource("boards")
    @Qemu
    void optimizedKernelsEqualTheirReferencesOnEveryEmulatedCore(String board) {
        optimizedKernelsEqualTheirReferences(board);
    }

    static List<String> boards() {
        return Target.boards().stream().map(Target::makeName).toList();
    }

    private static void optimizedKernelsEqualTheirReferences(String target) {
        FirmwareBuildSupport.assumeToolchain(target);
        Path work = FirmwareBuildSupport.workDir("kernels-" + target);
        Path program = FirmwareBuildSupport.make(target, work.resolve("build"), "kernel-test", "kernel_test");

        ProcessResult result = FirmwareBuildSupport.run(work, FirmwareBuildSupport.command(target, program));

        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stdout().matches("(?s).*\\b[1-9][0-9]* passed, 0 failed.*"), result::describe);
    }
}
