package dev.hark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A run in a child JVM that a kill-and-resume test ends with SIGKILL at a fixed point. The child's main, given stop
 * arguments, calls {@link #stopHere} at that point: it announces the stop on stdout, where nothing else goes, and
 * waits for good. The test starts it ({@link #start}), kills it once it has announced its stop
 * ({@link #killAtItsStop}), and so kills it with the same files on disk every time, then resumes it in a new JVM.
 */
public final class KillableRun {
    /** The exit status Java reports for a process ended by signal 9 (128 + the signal number). */
    private static final int KILLED_BY_SIGKILL = 128 + 9;

    private KillableRun() {
    }

    /**
     * Starts {@code java -cp <this test's class path> javaArguments... stop...} with its stderr in {@code logFile};
     * without a stop, its stdout goes there too, and with one it stays a pipe for {@link #killAtItsStop}.
     *
     * @param javaArguments JVM options, then the main class and its arguments
     */
    public static Process start(Path logFile, List<String> stop, String... javaArguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(javaArguments));
        command.addAll(stop);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(logFile.toFile());
        if (stop.isEmpty()) {
            builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        }
        return builder.start();
    }

    /** Checks that {@code run} announced {@code stopLine} and waits there, then kills it with SIGKILL. */
    public static void killAtItsStop(Process run, String stopLine, Path logFile) throws Exception {
        String announced = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertEquals(stopLine, announced, log(logFile));
        assertTrue(run.isAlive(), "the run waits at its stop until it is killed");
        run.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
        assertEquals(KILLED_BY_SIGKILL, run.waitFor(), "the run ended by SIGKILL");
    }

    /** What the run wrote to {@code file}, for an assertion's message. */
    public static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log " + file + ")";
    }

    /** In the child: prints {@code stopLine} on stdout and waits, never to continue, for the parent's kill. */
    public static void stopHere(String stopLine) {
        System.err.flush();
        System.out.println(stopLine);
        System.out.flush();
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // Nothing may wake the run up; only SIGKILL ends it.
            }
        }
    }

    /**
     * The line a run built with {@link #logStoppingAfter} prints on stdout when it has stopped after a line starting
     * with {@code lineStart}.
     */
    public static String stopLine(String lineStart) {
        return "stopped after: " + lineStart;
    }

    /**
     * In the child: a log to stderr that stops the run for good ({@link #stopHere}, announcing {@link #stopLine}) once
     * it has logged a line starting with {@code lineStart}. A stage's log line marks a point of its work, so a kill
     * there always finds the same files on disk.
     */
    public static PrintStream logStoppingAfter(String lineStart) {
        OutputStream watcher = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                System.err.write(b);
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                String logged = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (logged.startsWith(lineStart)) {
                    stopHere(stopLine(lineStart));
                }
            }
        };
        return new PrintStream(watcher, true, StandardCharsets.UTF_8);
    }
}
