package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.KillableRun;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the verification stage with SIGKILL once its sources are generated and again once its firmware is built,
 * rerunning it in a new JVM in the same workspace after each kill, and checks that it ends with the outcome of a run
 * that was never interrupted. Each run stops after a given line of its log and waits there ({@link VerifyRunMain}),
 * so every kill lands at the same point.
 */
@Slow
class VerifyKillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void aVerificationKilledAtEachPointEndsAsAnUninterruptedOne() throws Exception {
        Path reference = dir.resolve("reference.txt");
        assertEquals(0, start(dir.resolve("straight"), reference, dir.resolve("straight.log"), List.of()).waitFor(),
                KillableRun.log(dir.resolve("straight.log")));
        assertTrue(Files.readString(reference).contains("identical true, complete true"),
                Files.readString(reference));

        Path workspace = dir.resolve("killed");
        Path result = dir.resolve("result.txt");
        killAfter(workspace, result, "[generate] ");
        killAfter(workspace, result, "[build] host with ");
        assertFalse(Files.exists(result), "no killed run wrote an outcome");

        Path logFile = dir.resolve("resumed.log");
        assertEquals(0, start(workspace, result, logFile, List.of()).waitFor(), KillableRun.log(logFile));
        assertEquals(Files.readString(reference), Files.readString(result));
    }

    private void killAfter(Path workspace, Path result, String line) throws Exception {
        Path logFile = dir.resolve("killed-" + line.replaceAll("[^a-z]", "") + ".log");
        KillableRun.killAtItsStop(start(workspace, result, logFile, List.of(line)), KillableRun.stopLine(line),
                logFile);
    }

    /** Starts {@link VerifyRunMain} in a new JVM ({@link KillableRun#start}). */
    private static Process start(Path workspace, Path result, Path logFile, List<String> stop) throws IOException {
        return KillableRun.start(logFile, stop, VerifyRunMain.class.getName(), workspace.toString(),
                result.toString());
    }
}
