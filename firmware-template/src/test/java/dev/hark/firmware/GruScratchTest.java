package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareBuildSupport.ProcessResult;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs test/gru_scratch_test.c: hark_gru_s8 rejects a missing or too small scratch buffer and accepts the exact size. */
class GruScratchTest {

    @Test
    @Slow
    void gruRejectsTooSmallScratchOnTheHost() {
        gruRejectsTooSmallScratch("host");
    }

    @Test
    @Qemu
    void gruRejectsTooSmallScratchUnderQemu() {
        gruRejectsTooSmallScratch(FirmwareBuildSupport.BOARD);
    }

    private static void gruRejectsTooSmallScratch(String target) {
        FirmwareBuildSupport.assumeToolchain(target);
        Path work = FirmwareBuildSupport.workDir("gru-scratch-" + target);
        Path program = FirmwareBuildSupport.make(target, work.resolve("build"), "gru-scratch-test", "gru_scratch_test");

        ProcessResult result = FirmwareBuildSupport.run(work, FirmwareBuildSupport.command(program));

        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stdout().contains("8 passed, 0 failed"), result::describe);
    }
}
