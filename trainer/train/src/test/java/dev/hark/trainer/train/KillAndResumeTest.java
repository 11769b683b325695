package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real training run with SIGKILL in the middle of an epoch, resumes it in a new JVM, and checks that it
 * ends with bit-identical parameters and history to a run that was never interrupted.
 */
class KillAndResumeTest {
    private static final int KILL_AFTER_EPOCH = 2;
    private static final long SLEEP_PER_CLIP_MS = 3; // 128 clips: about 0.4 s per epoch on top of the compute

    @TempDir
    Path dir;

    @Test
    void aRunKilledMidEpochResumesToTheSameResult() throws Exception {
        Path reference = dir.resolve("reference.txt");
        Process straight = start(dir.resolve("run-straight"), reference, dir.resolve("straight.log"));
        assertEquals(0, straight.waitFor(), log(dir.resolve("straight.log")));

        RunDirectory killed = new RunDirectory(dir.resolve("run-killed"));
        Path result = dir.resolve("resumed.txt");
        Process victim = start(killed.root(), result, dir.resolve("killed.log"));
        Path checkpoint = killed.checkpoint(KILL_AFTER_EPOCH);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(checkpoint) && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint of epoch " + KILL_AFTER_EPOCH + ": "
                + log(dir.resolve("killed.log")));
        Thread.sleep(150); // into the next epoch
        victim.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        victim.waitFor();
        assertFalse(Files.exists(result), "the run finished before it was killed");
        assertFalse(Files.exists(killed.checkpoint(TrainingRunMain.EPOCHS)), "the run was not interrupted");

        Process resumed = start(killed.root(), result, dir.resolve("resumed.log"));
        assertEquals(0, resumed.waitFor(), log(dir.resolve("resumed.log")));
        assertTrue(log(dir.resolve("resumed.log")).contains("resuming after epoch"), log(dir.resolve("resumed.log")));
        assertEquals(Files.readString(reference), Files.readString(result));
    }

    private static Process start(Path runDir, Path result, Path logFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Dai.djl.offline=true", TrainingRunMain.class.getName(), runDir.toString(), result.toString(),
                Long.toString(SLEEP_PER_CLIP_MS));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log " + file + File.separator + ")";
    }
}
