package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Slow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real training run with SIGKILL in the middle of an epoch, resumes it in a new JVM, and checks that it
 * ends with bit-identical parameters and history to a run that was never interrupted. The run stops at a fixed
 * batch and waits there ({@link TrainingRunMain}), so the kill always lands at the same point.
 */
@Slow
class KillAndResumeTest {
    private static final int KILL_IN_EPOCH = 3;
    private static final int AFTER_BATCHES = 4; // of 8
    /** The exit status Java reports for a process ended by signal 9 (128 + the signal number). */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidEpochResumesToTheSameResult() throws Exception {
        Path reference = dir.resolve("reference.txt");
        Process straight = start(dir.resolve("run-straight"), reference, dir.resolve("straight.log"), List.of());
        assertEquals(0, straight.waitFor(), log(dir.resolve("straight.log")));

        RunDirectory killed = new RunDirectory(dir.resolve("run-killed"));
        Path result = dir.resolve("resumed.txt");
        Process victim = start(killed.root(), result, dir.resolve("killed.log"),
                List.of(Integer.toString(KILL_IN_EPOCH), Integer.toString(AFTER_BATCHES)));
        String announced = firstLineOf(victim);
        assertEquals(TrainingRunMain.stopLine(KILL_IN_EPOCH, AFTER_BATCHES), announced,
                log(dir.resolve("killed.log")));
        assertTrue(victim.isAlive(), "the run waits at its stop until it is killed");
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertEquals(KILLED_BY_SIGKILL, victim.waitFor(), "the run ended by SIGKILL");
        assertTrue(Files.exists(killed.checkpoint(KILL_IN_EPOCH - 1)), "the epoch before the kill is checkpointed");
        assertFalse(Files.exists(killed.checkpoint(KILL_IN_EPOCH)), "the killed epoch never finished");
        assertFalse(Files.exists(result), "the killed run wrote no result");

        Process resumed = start(killed.root(), result, dir.resolve("resumed.log"), List.of());
        assertEquals(0, resumed.waitFor(), log(dir.resolve("resumed.log")));
        assertTrue(log(dir.resolve("resumed.log")).contains("resuming after epoch " + (KILL_IN_EPOCH - 1)),
                log(dir.resolve("resumed.log")));
        assertEquals(Files.readString(reference), Files.readString(result));
    }

    /**
     * Starts {@link TrainingRunMain} in a new JVM with its output in {@code logFile}; with a stop, its stdout, where
     * only the stop line goes, stays a pipe for {@link #firstLineOf}.
     */
    private static Process start(Path runDir, Path result, Path logFile, List<String> stop) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", TrainingRunMain.class.getName(), runDir.toString(), result.toString()));
        command.addAll(stop);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(logFile.toFile());
        if (stop.isEmpty()) {
            builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        }
        return builder.start();
    }

    /** The first line the process prints on stdout, or null if it ends without one. */
    private static String firstLineOf(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return out.readLine();
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log " + file + ")";
    }
}
