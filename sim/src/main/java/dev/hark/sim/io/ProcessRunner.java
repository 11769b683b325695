package dev.hark.sim.io;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program (a compiler, make, QEMU, a TTS engine) to completion: in a given directory, with
 * stdin at end of file (QEMU would otherwise consume the caller's input), stdout and stderr merged into a log
 * file rather than a pipe (so a chatty or hung program cannot block us past the timeout), and killed with its
 * children when the timeout runs out.
 */
public final class ProcessRunner {
    /** The longest {@link Finished#tail()}: enough to show an error without flooding a message. */
    private static final int TAIL_CHARS = 3000;

    /** A finished program: its exit status and everything it printed. */
    public record Finished(int exitCode, String output) {
        /** The end of the output, at most a few thousand characters. */
        public String tail() {
            String text = output.strip();
            return text.length() <= TAIL_CHARS ? text : "..." + text.substring(text.length() - TAIL_CHARS);
        }

        /** The last non-blank line of the output, {@code "(no output)"} if there is none. */
        public String lastLine() {
            String[] lines = output.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            return last.isEmpty() ? "(no output)" : last;
        }
    }

    private ProcessRunner() {
    }

    /**
     * Runs {@code command} in {@code directory}; a non-zero exit status is returned, not thrown.
     *
     * @param log file that receives the output (replaced), kept for inspection
     * @throws IOException if the program cannot start (the message points at scripts/install-deps) or does not
     *                     finish within {@code timeout}, or the log cannot be read
     */
    public static Finished run(List<String> command, Path directory, Path log, Duration timeout) throws IOException {
        return run(command, directory, log, timeout, process -> { });
    }

    /** What a caller does once the program has started, e.g. record its pid; a failure ends the program. */
    @FunctionalInterface
    public interface Started {
        void started(ProcessHandle process) throws IOException;
    }

    /**
     * As {@link #run(List, Path, Path, Duration)}, telling {@code started} the program's process first.
     *
     * @throws IOException also when {@code started} fails (the program is then killed)
     */
    public static Finished run(List<String> command, Path directory, Path log, Duration timeout, Started started)
            throws IOException {
        String program = command.get(0);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new IOException(program + " could not be started (" + e.getMessage()
                    + "); run scripts/install-deps", e);
        }
        try {
            started.started(process.toHandle());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(program + " did not finish within " + timeout.toSeconds() + " s (log: " + log
                        + "): " + String.join(" ", command));
            }
            // Lenient decoding: a tool's stray non-UTF-8 byte must not hide its exit status.
            return new Finished(process.exitValue(), new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + program, e);
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Runs {@code command} in the current directory and insists on success.
     *
     * @return the finished program, exit status 0
     * @throws IOException as {@link #run}, or if it exits non-zero: the message names the program, quotes its last
     *                     output line and the command
     */
    public static Finished runChecked(List<String> command, Duration timeout) throws IOException {
        String program = command.get(0);
        Path log = Files.createTempFile("hark-" + program.replaceAll("[^A-Za-z0-9-]", "") + "-", ".log");
        try {
            Finished finished = run(command, Path.of("").toAbsolutePath(), log, timeout);
            if (finished.exitCode() != 0) {
                throw new IOException(program + " failed with exit code " + finished.exitCode() + ": "
                        + finished.lastLine() + " (command: " + String.join(" ", command) + ")");
            }
            return finished;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
