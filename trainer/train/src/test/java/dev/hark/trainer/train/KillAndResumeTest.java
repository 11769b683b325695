package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.KillableRun;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real training run, and a real distillation run, with SIGKILL in the middle of an epoch, resumes it in a
 * new JVM, and checks that it ends with bit-identical parameters and history to a run that was never interrupted.
 * The run stops at a fixed batch and waits there ({@link TrainingRunMain}), so the kill always lands at the same
 * point.
 */
@Slow
class KillAndResumeTest {
    private static final int KILL_IN_EPOCH = 3;
    private static final int AFTER_BATCHES = 4; // of 8

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"train", "distill"})
    void aRunKilledMidEpochResumesToTheSameResult(String kind) throws Exception {
        Path reference = dir.resolve("reference.txt");
        Process straight = start(kind, dir.resolve("run-straight"), reference, dir.resolve("straight.log"),
                List.of());
        assertEquals(0, straight.waitFor(), KillableRun.log(dir.resolve("straight.log")));

        RunDirectory killed = new RunDirectory(dir.resolve("run-killed"));
        Path result = dir.resolve("resumed.txt");
        Process victim = start(kind, killed.root(), result, dir.resolve("killed.log"),
                List.of(Integer.toString(KILL_IN_EPOCH), Integer.toString(AFTER_BATCHES)));
        KillableRun.killAtItsStop(victim, TrainingRunMain.stopLine(KILL_IN_EPOCH, AFTER_BATCHES),
                dir.resolve("killed.log"));
        assertTrue(Files.exists(killed.checkpoint(KILL_IN_EPOCH - 1)), "the epoch before the kill is checkpointed");
        assertFalse(Files.exists(killed.checkpoint(KILL_IN_EPOCH)), "the killed epoch never finished");
        assertFalse(Files.exists(result), "the killed run wrote no result");

        Process resumed = start(kind, killed.root(), result, dir.resolve("resumed.log"), List.of());
        assertEquals(0, resumed.waitFor(), KillableRun.log(dir.resolve("resumed.log")));
        assertTrue(KillableRun.log(dir.resolve("resumed.log")).contains("resuming after epoch " + (KILL_IN_EPOCH - 1)),
                KillableRun.log(dir.resolve("resumed.log")));
        assertEquals(Files.readString(reference), Files.readString(result));
    }

    /** Starts {@link TrainingRunMain} in a new JVM ({@link KillableRun#start}). */
    private static Process start(String kind, Path runDir, Path result, Path logFile, List<String> stop)
            throws IOException {
        return KillableRun.start(logFile, stop, "-Dai.djl.offline=true", TrainingRunMain.class.getName(), kind,
                runDir.toString(), result.toString());
    }
}
