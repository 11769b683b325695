package dev.hark.firmware;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.sim.io.Directories;
import dev.hark.sim.io.Executables;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Shared plumbing of the tests that build and run the C template: an extracted copy of the template (so the tests
 * also prove the packaged tree builds on its own), make, and running programs natively or under QEMU.
 */
final class FirmwareBuildSupport {

    /** The board every QEMU test runs on. */
    static final String BOARD = "mps2-an386";

    private static final long TIMEOUT_MINUTES = 10;
    private static Path extractedTemplate;

    private FirmwareBuildSupport() {
    }

    /** Result of a finished process. */
    record ProcessResult(int exitCode, String stdout, String stderr) {
        String describe() {
            return "exit code " + exitCode + "\n--- stdout:\n" + tail(stdout) + "\n--- stderr:\n" + tail(stderr);
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        }
    }

    /** Module folder (surefire runs tests there and sets basedir). */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** A fresh, empty scratch folder under target/firmware-tests. */
    static Path workDir(String name) {
        Path dir = moduleDir().resolve("target").resolve("firmware-tests").resolve(name);
        try {
            Directories.deleteRecursively(dir);
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The template extracted from the class path, once per test run. */
    static synchronized Path extractedTemplate() {
        if (extractedTemplate == null) {
            Path dir = workDir("template");
            FirmwareTemplate.extractTo(dir);
            extractedTemplate = dir;
        }
        return extractedTemplate;
    }

    /** Skips the calling test unless the native toolchain for {@code target} is installed. */
    static void assumeToolchain(String target) {
        assumeTrue(Executables.isInstalled("make"), "make is not installed");
        if (target.equals("host")) {
            assumeTrue(Executables.isInstalled("gcc"), "gcc is not installed");
        } else {
            assumeTrue(Executables.isInstalled("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed");
            assumeTrue(Executables.isInstalled("qemu-system-arm"), "qemu-system-arm is not installed");
        }
    }

    /**
     * Runs make in the extracted template.
     *
     * @return the path of the built executable {@code buildDir/name} (with .elf for boards)
     * @throws AssertionError with make's output if the build fails
     */
    static Path make(String target, Path buildDir, String goal, String executableName, String... variables) {
        List<String> command = new ArrayList<>(List.of("make", "-C", extractedTemplate().toString(),
                "TARGET=" + target, "BUILD_DIR=" + buildDir));
        command.addAll(List.of(variables));
        command.add(goal);
        ProcessResult result = run(buildDir.getParent(), command);
        if (result.exitCode() != 0) {
            throw new AssertionError("make " + goal + " for " + target + " failed: " + result.describe());
        }
        return buildDir.resolve(target.equals("host") ? executableName : executableName + ".elf");
    }

    /** Command that runs an executable natively or, for an .elf, under QEMU with the arguments on its command line. */
    static List<String> command(Path executable, String... arguments) {
        return command(BOARD, executable, arguments);
    }

    /** As {@link #command(Path, String...)}, an .elf on the QEMU machine {@code board}. */
    static List<String> command(String board, Path executable, String... arguments) {
        List<String> command = new ArrayList<>();
        if (executable.toString().endsWith(".elf")) {
            command.addAll(List.of("qemu-system-arm", "-M", board, "-nographic", "-semihosting", "-kernel",
                    executable.toString()));
            if (arguments.length > 0) {
                command.add("-append");
                command.add(String.join(" ", arguments));
            }
        } else {
            command.add(executable.toString());
            command.addAll(List.of(arguments));
        }
        return command;
    }

    /** Runs a command in {@code dir} with stdin closed (QEMU would otherwise read it) and collects its output. */
    static ProcessResult run(Path dir, List<String> command) {
        try {
            Path stdout = Files.createTempFile(dir, "stdout", ".txt");
            Path stderr = Files.createTempFile(dir, "stderr", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("no result after " + TIMEOUT_MINUTES + " minutes: " + command);
                }
                return new ProcessResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
