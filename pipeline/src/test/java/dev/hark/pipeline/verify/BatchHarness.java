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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Many generated networks in one harness image ({@code batch/hark_batch.mk}): the kernels compile once per target
 * and rounding, the networks of an image in one compiler run ({@link #unit}), and the image boots once per batch,
 * the compiler's and QEMU's start-up and the link no longer paid per model. Every case is the one-model harness,
 * unchanged, so what it traces is what {@link FirmwareCheck} would see.
 *
 * <p>A batch folder holds the cases' generated networks ({@code case-<name>/}); {@link #run} builds those asked for
 * into {@code build/<target>-<part>/} there and runs them in {@code run/<target>-<part>/}.
 * An image that does not fit the board is split in halves until it does (a case that fits nowhere fails alone), and
 * later batches for that board start in parts of the size that fitted.
 */
final class BatchHarness {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final List<String> FILES = List.of("hark_batch.mk", "hark_batch.h", "hark_batch_main.c",
            "harness-include/hark_network.h");
    /** The generated files a case's unit includes, and the headers they include by their folder. */
    private static final List<String> CASE_SOURCES = List.of("hark_network.c", "hark_model_data.c");
    private static final List<String> CASE_FILES = List.of("hark_network.c", "hark_network.h", "hark_model_data.c",
            "hark_model_data.h");
    /** The project's folders of headers a case sees (the Makefile's INCLUDES). */
    private static final List<String> INCLUDE_FOLDERS = List.of("cmsis-nn-portable/Include", "hark-kernels/Include",
            "hark-frontend/Include", "hark-audio/Include", "hark-kws/Include", "harness", "product");
    /** Comments and string literals (an include's file name among them), where no identifier is. */
    private static final Pattern NOT_CODE = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"",
            Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");
    private static final Pattern CASE_IDENTIFIER = Pattern.compile("\\bhark_[A-Za-z0-9_]*\\b");
    private static final Pattern MACRO = Pattern.compile("^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.MULTILINE);

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
    /** Every identifier the project's headers use, and the macros they define: no case renames or forgets these. */
    private final Set<String> sharedIdentifiers = new HashSet<>();
    private final Set<String> sharedMacros = new HashSet<>();

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
                Path file = batchFiles.resolve(name);
                Files.createDirectories(file.getParent());
                AtomicFiles.write(file, in.readAllBytes());
            }
        }
        for (String folder : INCLUDE_FOLDERS) {
            try (Stream<Path> headers = Files.walk(project.directory().resolve(folder))) {
                for (Path header : headers.filter(p -> p.toString().endsWith(".h")).toList()) {
                    String code = code(Files.readString(header));
                    IDENTIFIER.matcher(code).results().forEach(m -> sharedIdentifiers.add(m.group()));
                    MACRO.matcher(code).results().forEach(m -> sharedMacros.add(m.group(1)));
                }
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
        AtomicFiles.writeString(buildDir.resolve("hark_batch_unit.c"), unit(batch, entries));
        List<String> command = new ArrayList<>(List.of("make", "-f", batchFiles.resolve("hark_batch.mk").toString(),
                "PROJECT_DIR=" + project.directory(), "TARGET=" + target.makeName(),
                "BUILD_DIR=" + project.buildDirectory(target).resolveSibling(libraryName(target, rounding)),
                "BATCH_BUILD_DIR=" + buildDir.toAbsolutePath(), KernelLibrary.portable().makeVariable()));
        if (rounding == Rounding.SINGLE) {
            command.add("EXTRA_CFLAGS=-DCMSIS_NN_USE_SINGLE_ROUNDING");
        }
        command.add("batch");
        return ProcessRunner.run(command, project.directory(), buildDir.resolve("make.log"), TIMEOUT);
    }

    /**
     * The translation unit of an image: each case's network, model data and the harness's main, the case's
     * identifiers given a suffix of its own (every {@code hark_} name of its generated files that the project's
     * headers do not use, and the harness's file-scope objects through {@code HARK_HARNESS_LOCAL}) and its macros
     * forgotten after it; then the table of the cases ({@code hark_batch.h}).
     */
    private String unit(Path batch, List<Entry> entries) throws IOException {
        StringBuilder unit = new StringBuilder("/* The cases of this batch image, written by the random-model run."
                + " */\n#include \"hark_batch.h\"\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Path dir = caseDirectory(batch, e.name()).toAbsolutePath();
            Set<String> renamed = new TreeSet<>();
            Set<String> macros = new TreeSet<>();
            for (String file : CASE_FILES) {
                String code = code(Files.readString(dir.resolve(file)));
                CASE_IDENTIFIER.matcher(code).results().map(MatchResult::group)
                        .filter(name -> !sharedIdentifiers.contains(name)).forEach(renamed::add);
                MACRO.matcher(code).results().map(m -> m.group(1)).filter(name -> !sharedMacros.contains(name))
                        .forEach(macros::add);
            }
            String suffix = "_c" + i;
            unit.append("\n/* ").append(e.name()).append(" */\n");
            for (String name : renamed) {
                unit.append("#define ").append(name).append(' ').append(name).append(suffix).append('\n');
            }
            unit.append("#define HARK_HARNESS_LOCAL(name) name##").append(suffix).append('\n');
            unit.append("#define main ").append(symbol(e.name())).append('\n');
            for (String source : CASE_SOURCES) {
                unit.append("#include \"").append(dir.resolve(source)).append("\"\n");
            }
            unit.append("#include \"hark_harness_main.c\"\n#undef main\n#undef HARK_HARNESS_LOCAL\n");
            for (String name : renamed) {
                unit.append("#undef ").append(name).append('\n');
            }
            for (String name : macros) {
                unit.append("#undef ").append(name).append('\n');
            }
        }
        unit.append("\nconst hark_batch_case hark_batch_cases[] = {\n");
        for (Entry e : entries) {
            unit.append("    {\"").append(e.name()).append("\", ").append(symbol(e.name())).append("},\n");
        }
        unit.append("};\nconst uint32_t hark_batch_case_count = ").append(entries.size()).append("u;\n");
        return unit.toString();
    }

    /** C source without its comments and string literals. */
    private static String code(String source) {
        return NOT_CODE.matcher(source).replaceAll(" ");
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
