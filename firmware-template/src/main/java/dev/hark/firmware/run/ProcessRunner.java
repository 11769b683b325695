package dev.hark.firmware.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external command: in a given directory, with stdin closed (QEMU would otherwise consume the caller's
 * input), stdout and stderr merged into a log file (no pipe to drain, so no deadlock on chatty tools), and a
 * timeout after which the process is killed.
 */
final class ProcessRunner {
    /** A finished command: its exit status and everything it printed. */
    record Finished(int exitCode, String output) {
        /** The last lines of the output, enough to show an error without flooding a message. */
        String tail() {
            String text = output.strip();
            int max = 3000;
            return text.length() <= max ? text : "..." + text.substring(text.length() - max);
        }
    }

    private ProcessRunner() {
    }

    /**
     * @param log file that receives the output (replaced), kept for inspection
     * @throws FirmwareRunException if the command cannot start or does not finish in time
     */
    static Finished run(List<String> command, Path directory, Path log, Duration timeout)
            throws FirmwareRunException {
        Process process;
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new FirmwareRunException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new FirmwareRunException(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s (log: " + log + ")");
            }
            return new Finished(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new FirmwareRunException("interrupted while waiting for " + command.get(0), e);
        } catch (IOException e) {
            throw new FirmwareRunException("cannot read the output of " + command.get(0) + " from " + log + ": "
                    + e.getMessage(), e);
        }
    }
}
