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
 * Runs test/gru_test.c: hark_gru_s8 rejects a missing or too small scratch buffer and accepts the exact size, and one
 * step per call with a carried state equals the whole sequence in one call; on the host and on every core QEMU
 * emulates.
 */
class GruTest {

    @Test
    @Slow
    void gruContractHoldsOnTheHost() {
        gruContractHolds("host");
    }

    @ParameterizedTest
    @MethodSource("boards")
    @Qemu
    void gruContractHoldsOnEveryEmulatedCore(String board) {
        gruContractHolds(board);
    }

    static List<String> boards() {
        return Target.boards().stream().map(Target::makeName).toList();
    }

    private static void gruContractHolds(String target) {
        FirmwareBuildSupport.assumeToolchain(target);
        Path work = FirmwareBuildSupport.workDir("gru-" + target);
        Path program = FirmwareBuildSupport.make(target, work.resolve("build"), "gru-test", "gru_test");

        ProcessResult result = FirmwareBuildSupport.run(work, FirmwareBuildSupport.command(target, program));

        assertEquals(0, result.exitCode(), result::describe);
        assertTrue(result.stdout().contains("11 passed, 0 failed"), result::describe);
    }
}
