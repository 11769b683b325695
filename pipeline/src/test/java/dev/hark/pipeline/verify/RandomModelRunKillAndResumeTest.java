package dev.hark.pipeline.verify;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real random-model run ({@link RandomModelRunKillMain}, a new JVM) with SIGKILL at its checkpoints and
 * resumes it: a batch run but not yet recorded is run again, a recorded one is not, and the run ends with the same
 * figures and the same result files as one never interrupted. Each run stops at its checkpoint and waits there, so
 * every kill lands at the same point.
 */
@Slow
class RandomModelRunKillAndResumeTest {
    /** The exit status Java reports for a process ended by signal 9 (128 + the signal number). */
    private static final int KILLED_BY_SIGKILL = 128 + 9;
    private static final long SECOND = RandomModelRunKillMain.FIRST_SEED + 1;

    @TempDir
    Path dir;

    @Test
    void aRunKilledBeforeAndAfterRecordingABatchResumesToTheSameFigures() throws Exception {
        Path straight = dir.resolve("straight");
        Process reference = start(straight, dir.resolve("straight.log"), List.of());
        String expected = new String(reference.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, reference.waitFor(), log(dir.resolve("straight.log")));
        assertTrue(expected.startsWith("totals 4 "), expected);

        Path killed = dir.resolve("killed");
        killAt(killed, RandomModelRun.Checkpoint.BATCH_RUN, SECOND);
        assertEquals(List.of("batch-1000000-1.txt"), results(killed).keySet().stream().toList());
        killAt(killed, RandomModelRun.Checkpoint.BATCH_RECORDED, SECOND);
        assertFalse(log(dir.resolve("killed-" + RandomModelRun.Checkpoint.BATCH_RECORDED + ".log"))
                .contains("reached " + RandomModelRun.Checkpoint.BATCH_RUN + " " + RandomModelRunKillMain.FIRST_SEED),
                "the recorded batch is not run again");

        Process resumed = start(killed, dir.resolve("resumed.log"), List.of());
        String actual = new String(resumed.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, resumed.waitFor(), log(dir.resolve("resumed.log")));
        assertEquals(expected, actual);
        assertFalse(log(dir.resolve("resumed.log")).contains("reached " + RandomModelRun.Checkpoint.BATCH_RUN),
                "every batch was recorded before the last kill");
        assertEquals(results(straight), results(killed));
    }

    /** Runs into {@code out} until the checkpoint, checks it stopped there, and kills it. */
    private void killAt(Path out, String point, long firstSeed) throws Exception {
        Path logFile = dir.resolve("killed-" + point + ".log");
        Process victim = start(out, logFile, List.of(point, Long.toString(firstSeed)));
        String announced = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertEquals(RandomModelRunKillMain.stopLine(point, firstSeed), announced, log(logFile));
        assertTrue(victim.isAlive(), "the run waits at its checkpoint until it is killed");
        victim.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertEquals(KILLED_BY_SIGKILL, victim.waitFor(), "the run ended by SIGKILL");
    }

    /** Starts a run in {@code dir} with {@code out} named relative to it, as a user's {@code --out target/...} is. */
    private Process start(Path out, Path logFile, List<String> stop) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                RandomModelRunKillMain.class.getName(), dir.relativize(out).toString()));
        command.addAll(stop);
        return new ProcessBuilder(command).directory(dir.toFile()).redirectError(logFile.toFile()).start();
    }

    /** File name -> text of every finished batch's figures. */
    private static Map<String, String> results(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        Path results = out.resolve("results");
        if (!Files.isDirectory(results)) {
            return files;
        }
        try (Stream<Path> list = Files.list(results)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log " + file + ")";
    }
}
