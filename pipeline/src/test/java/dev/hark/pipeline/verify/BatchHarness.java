package dev.hark.pipeline.verify;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.HarnessFiles;
import dev.hark.firmware.run.HarnessTrace;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.Tools;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.sim.kernels.Rounding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Many generated networks in one harness image ({@code batch/hark_batch.mk}): the kernels compile once per target
 * and rounding, each network's C once per target, and the image boots once per batch, QEMU's start-up and the link
 * no longer paid per model. Every case is the one-model harness, unchanged, so what it traces is what
 * {@link FirmwareCheck} would see.
 *
 * <p>A batch folder holds the cases' generated networks ({@code case-<name>/}); {@link #run} builds those asked for
 * into {@code objects/<target>/} and {@code build/<target>-<part>/} there and runs them in {@code run/<target>-<part>/}.
 * An image that does not fit the board is split in halves until it does (a case that fits nowhere fails alone), and
 * later batches for that board start in parts of the size that fitted.
 */
final class BatchHarness {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final List<String> FILES = List.of("hark_batch.mk", "hark_batch.h", "hark_batch_main.c",
            "hark_batch_case.c");

    /**
     * A case of a batch.
     *
     * @param name       its folder's name in the batch, {@code case-<letters, digits, dashes>}
     * @param records    the clips, or the stream's frames
     * @param recordSize bytes per record (the network's input or frame size)
     * @param runs       the runs the records make (clips, or steps of the stream)
     */
    record Entry(String name, List<byte[]> records, int recordSize, int runs) {
        Entry {
            if (!name.matches("case-[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("a batch case is named case-<letters, digits, dashes>: " + name);
            }
        }
    }

    /** What one case gave: its trace, or why it has none. */
    record Outcome(Optional<HarnessTrace> trace, String problem) {
        static Outcome traced(HarnessTrace trace) {
            return new Outcome(Optional.of(trace), "");
        }

        static Outcome failed(String problem) {
            return new Outcome(Optional.empty(), problem);
        }
    }

    private final FirmwareProject project;
    private final Path batchFiles;
    /** The most cases an image of each small target has held: later batches start in parts of that size. */
    private final Map<Target, Integer> casesThatFit = new ConcurrentHashMap<>();

    /** @param directory the project (the firmware template and the batch files) is extracted here once */
    BatchHarness(Path directory) throws IOException {
        this.project = FirmwareProject.create(directory);
        // The project's absolute path: make runs in its folder, where a relative --out (target/...) would name nothing.
        this.batchFiles = Files.createDirectories(project.directory().resolve("batch-harness"));
        for (String name : FILES) {
            try (InputStream in = BatchHarness.class.getResourceAsStream("batch/" + name)) {
                if (in == null) {
                    throw new IOException("batch/" + name + " is missing from the test resources");
                }
                AtomicFiles.write(batchFiles.resolve(name), in.readAllBytes());
            }
        }
    }

    /** Where a case's generated network goes in {@code batch}. */
    static Path caseDirectory(Path batch, String name) {
        return batch.resolve(name);
    }

    /**
     * Builds {@code entries} of {@code batch} into one image for {@code target} and runs it; the outcomes in the
     * entries' order.
     *
     * @throws dev.hark.firmware.run.MissingToolException if make, the compiler or QEMU is missing
     * @throws FirmwareRunException                       if the build fails for another reason than size, or the
     *                                                    image does not run through
     */
    Map<String, Outcome> run(Path batch, List<Entry> entries, Target target, Rounding rounding) throws IOException {
        Tools.requireToBuildAndRun(target);
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        int part = casesThatFit.getOrDefault(target, entries.size());
        for (int from = 0; from < entries.size(); from += part) {
            runPart(batch, entries.subList(from, Math.min(entries.size(), from + part)), target, rounding,
                    target.makeName() + "-" + from, outcomes);
        }
        return outcomes;
    }

    private void runPart(Path batch, List<Entry> entries, Target target, Rounding rounding, String part,
                         Map<String, Outcome> outcomes) throws IOException {
        Path buildDir = batch.resolve("build").resolve(part);
        ProcessRunner.Finished make = build(batch, buildDir, entries, target, rounding);
        if (make.exitCode() != 0 && !tooBig(make)) {
            // A run killed while compiling can leave a truncated kernel object that make takes for finished: the
            // kernels are built again once before the failure counts.
            deleteRecursively(project.buildDirectory(target).resolveSibling(libraryName(target, rounding)));
            make = build(batch, buildDir, entries, target, rounding);
        }
        if (make.exitCode() != 0) {
            if (!tooBig(make)) {
                throw new FirmwareRunException("the batch of " + entries.size() + " cases for " + target.makeName()
                        + " does not build (its log: " + buildDir.resolve("make.log") + "):\n" + make.tail());
            }
            if (entries.size() == 1) {
                outcomes.put(entries.get(0).name(), Outcome.failed("does not fit " + target.makeName() + ": "
                        + make.lastLine()));
                return;
            }
            int half = entries.size() / 2;
            casesThatFit.merge(target, half, Math::min);
            runPart(batch, entries.subList(0, half), target, rounding, part + "-a", outcomes);
            runPart(batch, entries.subList(half, entries.size()), target, rounding, part + "-b", outcomes);
            return;
        }
        Path runDir = Files.createDirectories(batch.resolve("run").resolve(part));
        for (Entry e : entries) {
            HarnessFiles.writeInput(runDir.resolve(e.name() + ".in"), e.records(), e.recordSize());
            Files.deleteIfExists(runDir.resolve(e.name() + ".out"));
        }
        Path executable = buildDir.resolve(target.isHost() ? "hark_batch" : "hark_batch.elf");
        ProcessRunner.Finished run = ProcessRunner.run(runCommand(target, executable), runDir,
                runDir.resolve("batch.log"), TIMEOUT);
        for (Entry e : entries) {
            outcomes.put(e.name(), outcome(e, runDir, run));
        }
    }

    private ProcessRunner.Finished build(Path batch, Path buildDir, List<Entry> entries, Target target,
                                         Rounding rounding) throws IOException {
        Files.createDirectories(buildDir);
        StringBuilder table = new StringBuilder("/* The cases of this batch image, written by the random-model run."
                + " */\n#include \"hark_batch.h\"\n\n");
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            names.add(e.name());
            table.append("int ").append(symbol(e.name())).append("(int argc, char **argv);\n");
        }
        table.append("\nconst hark_batch_case hark_batch_cases[] = {\n");
        for (Entry e : entries) {
            table.append("    {\"").append(e.name()).append("\", ").append(symbol(e.name())).append("},\n");
        }
        table.append("};\nconst uint32_t hark_batch_case_count = ").append(entries.size()).append("u;\n");
        AtomicFiles.writeString(buildDir.resolve("hark_batch_cases.c"), table.toString());
        List<String> command = new ArrayList<>(List.of("make", "-f", batchFiles.resolve("hark_batch.mk").toString(),
                "PROJECT_DIR=" + project.directory(), "TARGET=" + target.makeName(),
                "BUILD_DIR=" + project.buildDirectory(target).resolveSibling(libraryName(target, rounding)),
                "BATCH_DIR=" + batch.toAbsolutePath(), "BATCH_CASES=" + String.join(" ", names),
                "BATCH_BUILD_DIR=" + buildDir.toAbsolutePath(),
                "BATCH_OBJECT_DIR=" + batch.resolve("objects").resolve(target.makeName()).toAbsolutePath(),
                KernelLibrary.portable().makeVariable()));
        if (rounding == Rounding.SINGLE) {
            command.add("EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING");
        }
        command.add("batch");
        return ProcessRunner.run(command, project.directory(), buildDir.resolve("make.log"), TIMEOUT);
    }

    /**
     * Whether the link failed for size: a region overflowed, or the board's linker script found data, heap and stack
     * larger than its RAM.
     */
    private static boolean tooBig(ProcessRunner.Finished make) {
        return make.output().contains("overflowed") || make.output().contains("exceed the board's");
    }

    /** The kernels' build folder of a target and rounding, shared by every batch. */
    private static String libraryName(Target target, Rounding rounding) {
        return target.makeName() + "-" + rounding.name().toLowerCase(Locale.ROOT);
    }

    private static String symbol(String name) {
        return "hark_batch_" + name.replace('-', '_');
    }

    private static List<String> runCommand(Target target, Path executable) {
        if (target.isHost()) {
            return List.of(executable.toAbsolutePath().toString());
        }
        String machine = target.board().orElseThrow().qemuMachine().orElseThrow(() -> new IllegalArgumentException(
                target.makeName() + " is not emulated by QEMU"));
        return List.of("qemu-system-arm", "-M", machine, "-nographic", "-semihosting", "-kernel",
                executable.toAbsolutePath().toString());
    }

    /** A case's trace, checked for its run count, or the lines the image printed about it. */
    private static Outcome outcome(Entry e, Path runDir, ProcessRunner.Finished run) {
        Path output = runDir.resolve(e.name() + ".out");
        if (Files.isRegularFile(output)) {
            try {
                HarnessTrace trace = HarnessFiles.readTrace(output);
                if (trace.clips().size() != e.runs()) {
                    return Outcome.failed(output + ": " + trace.clips().size() + " runs traced, " + e.runs()
                            + " expected");
                }
                return Outcome.traced(trace);
            } catch (IOException | RuntimeException ex) {
                return Outcome.failed(ex.getMessage());
            }
        }
        List<String> said = run.output().lines().filter(line -> line.contains(e.name())).toList();
        return Outcome.failed(said.isEmpty() ? "the image stopped before this case (exit status " + run.exitCode()
                + "): " + run.lastLine() : String.join("; ", said));
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
