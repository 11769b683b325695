package dev.hark.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class ProcessRunnerTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    @Test
    void returnsTheExitStatusAndTheMergedOutputAndKeepsTheLog() throws IOException {
        Path log = dir.resolve("logs/run.log");
        ProcessRunner.Finished f = ProcessRunner.run(List.of("sh", "-c", "pwd; echo to-stderr >&2; exit 3"), dir,
                log, MINUTE);
        assertEquals(3, f.exitCode());
        assertEquals(dir.toRealPath() + "\nto-stderr\n", f.output());
        assertEquals(f.output(), Files.readString(log));
        assertEquals("to-stderr", f.lastLine());
    }

    @Test
    void stdinIsAtEndOfFileSoAReaderDoesNotWait() throws IOException {
        ProcessRunner.Finished f = ProcessRunner.run(List.of("cat"), dir, dir.resolve("cat.log"), MINUTE);
        assertEquals(new ProcessRunner.Finished(0, ""), f);
        assertEquals("(no output)", f.lastLine());
    }

    @Test
    void runCheckedNamesTheProgramItsLastLineAndLeavesNoLog() throws IOException {
        assertEquals("ok\n", ProcessRunner.runChecked(List.of("echo", "ok"), MINUTE).output());
        IOException e = assertThrows(IOException.class,
                () -> ProcessRunner.runChecked(List.of("sh", "-c", "echo first; echo last-words; exit 2"), MINUTE));
        assertEquals("sh failed with exit code 2: last-words (command: sh -c echo first; echo last-words; exit 2)",
                e.getMessage());
    }

    @Test
    void aMissingProgramPointsAtTheInstallScript() {
        IOException e = assertThrows(IOException.class, () -> ProcessRunner.run(List.of("surely-not-a-real-program"),
                dir, dir.resolve("missing.log"), MINUTE));
        assertTrue(e.getMessage().startsWith("surely-not-a-real-program could not be started"), e.getMessage());
        assertTrue(e.getMessage().endsWith("run scripts/install-deps"), e.getMessage());
    }

    @Test
    void aProgramPastItsTimeoutIsKilledWithItsChildren() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        IOException e = assertThrows(IOException.class, () -> ProcessRunner.run(
                List.of("sh", "-c", "sleep 600 & echo $! > child.pid; wait"), dir, dir.resolve("hang.log"),
                Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("sh did not finish within 1 s"), e.getMessage());
        long child = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> sleeper = ProcessHandle.of(child);
        if (sleeper.isPresent()) { // killed but perhaps not yet reaped; a survivor would run for ten minutes
            sleeper.get().onExit().get(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void tailKeepsTheEndOfALongOutput() {
        String tail = new ProcessRunner.Finished(1, "x".repeat(10_000) + " the end\n").tail();
        assertEquals("..." + "x".repeat(3000 - " the end".length()) + " the end", tail);
    }
}
