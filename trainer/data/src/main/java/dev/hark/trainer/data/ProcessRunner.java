package dev.hark.trainer.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion, turning every kind of failure into one IOException line. */
final class ProcessRunner {
    private ProcessRunner() {
    }

    /**
     * Runs {@code command}, with stdout and stderr merged and captured.
     *
     * @return the captured output
     * @throws IOException if the program cannot start, runs longer than {@code timeoutSeconds}, or exits non-zero;
     *                     the message names the program and quotes its last output line
     */
    static String run(List<String> command, long timeoutSeconds) throws IOException {
        String program = command.get(0);
        // Output goes to a file rather than a pipe: a hung program then cannot block us past the timeout.
        Path log = Files.createTempFile("hark-" + program.replaceAll("[^A-Za-z0-9-]", "") + "-", ".log");
        Process p = null;
        try {
            try {
                p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
            } catch (IOException e) {
                throw new IOException(program + " could not be started (" + e.getMessage() + "); run scripts/install-deps", e);
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException(program + " did not finish within " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            String output = Files.readString(log, StandardCharsets.ISO_8859_1);
            if (p.exitValue() != 0) {
                throw new IOException(program + " failed with exit code " + p.exitValue() + ": " + lastLine(output)
                        + " (command: " + String.join(" ", command) + ")");
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " interrupted", e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines.length == 0 || lines[lines.length - 1].isBlank() ? "(no output)" : lines[lines.length - 1].strip();
    }

    /** The executable {@code name} on PATH, or null when absent. */
    static Path findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
