package dev.hark.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hark.firmware.GoldenCaseFile.GoldenCase;
import dev.hark.testing.Qemu;
import dev.hark.testing.SharedFolder;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case of the CMSIS-NN golden vectors for the kernels of cmsis-nn-portable through test/golden_runner.c
 * and requires the exact outputs the real library produced: built with gcc for the host and, when the Arm toolchain
 * and QEMU are installed, for mps2-an386 under QEMU; each in the default double-rounding build and with
 * -DCMSIS_NN_USE_SINGLE_ROUNDING. One test per (target, rounding, golden file); the QEMU ones are in the group
 * qemu.
 */
class PortableKernelGoldenTest {

    private static final Map<String, String> ROUNDING_FLAGS =
            Map.of("double-rounding", "", "single-rounding", "-DCMSIS_NN_USE_SINGLE_ROUNDING");

    /** Results by target/rounding: a map of case id to result line, or the error that prevented them. */
    private static final Map<String, Object> RUNS = new HashMap<>();

    @TestFactory
    @Slow
    Stream<DynamicNode> goldenVectorsOnTheHost() {
        return goldenVectors("host");
    }

    @TestFactory
    @Qemu
    Stream<DynamicNode> goldenVectorsUnderQemu() {
        return goldenVectors(FirmwareBuildSupport.BOARD);
    }

    private static Stream<DynamicNode> goldenVectors(String target) {
        List<DynamicNode> roundings = new ArrayList<>();
        for (String rounding : List.of("double-rounding", "single-rounding")) {
            List<DynamicNode> files = new ArrayList<>();
            for (String kernel : GoldenCaseFile.KERNELS) {
                files.add(DynamicTest.dynamicTest(kernel + ".json", () -> checkFile(target, rounding, kernel)));
            }
            roundings.add(DynamicContainer.dynamicContainer(rounding, files));
        }
        return roundings.stream();
    }

    private static Path goldenDir(String rounding) {
        return SharedFolder.require("cmsis-nn-golden/" + rounding);
    }

    private static void checkFile(String target, String rounding, String kernel) throws IOException {
        Path goldenDir = goldenDir(rounding);
        FirmwareBuildSupport.assumeToolchain(target);
        List<GoldenCase> cases = GoldenCaseFile.read(goldenDir.resolve(kernel + ".json"), kernel);
        Map<String, String> results = results(target, rounding, goldenDir);

        List<String> failures = new ArrayList<>();
        for (GoldenCase golden : cases) {
            String problem = compare(golden, results.get(golden.id()));
            if (problem != null) {
                failures.add("case " + golden.id() + ": " + problem);
            }
        }
        System.out.printf("golden %s %s %s.json: %d/%d cases passed%n", target, rounding, kernel,
                cases.size() - failures.size(), cases.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " cases differ from the real CMSIS-NN ("
                    + target + ", " + rounding + "):\n" + String.join("\n", failures.subList(0,
                    Math.min(20, failures.size()))));
        }
    }

    /** Null if the runner's line matches the golden status and output, else what differs first. */
    private static String compare(GoldenCase golden, String line) {
        if (line == null) {
            return "no result from the runner";
        }
        String[] tokens = line.trim().split("\\s+");
        int status = Integer.parseInt(tokens[1]);
        int count = Integer.parseInt(tokens[2]);
        if (status != golden.status()) {
            return "status " + status + ", expected " + golden.status();
        }
        if (count != golden.output().length || tokens.length != 3 + count) {
            return count + " output values, expected " + golden.output().length;
        }
        for (int i = 0; i < count; i++) {
            int actual = Integer.parseInt(tokens[3 + i]);
            if (actual != golden.output()[i]) {
                return "first difference at index " + i + ": expected " + golden.output()[i] + ", got " + actual;
            }
        }
        return null;
    }

    /** Builds and runs the golden runner once per target and rounding, on the cases of all kernels at once. */
    @SuppressWarnings("unchecked")
    private static synchronized Map<String, String> results(String target, String rounding, Path goldenDir) {
        String key = target + "/" + rounding;
        Object run = RUNS.get(key);
        if (run == null) {
            try {
                run = buildAndRun(target, rounding, goldenDir);
            } catch (AssertionError | RuntimeException e) {
                run = e;
            }
            RUNS.put(key, run);
        }
        if (run instanceof AssertionError error) {
            throw error;
        }
        if (run instanceof RuntimeException exception) {
            throw exception;
        }
        return (Map<String, String>) run;
    }

    private static Map<String, String> buildAndRun(String target, String rounding, Path goldenDir) {
        Path work = FirmwareBuildSupport.workDir("golden-" + target + "-" + rounding);
        Path runner = FirmwareBuildSupport.make(target, work.resolve("build"), "golden-runner", "golden_runner",
                "EXTRA_CFLAGS=" + ROUNDING_FLAGS.get(rounding));
        try {
            StringBuilder input = new StringBuilder();
            for (String kernel : GoldenCaseFile.KERNELS) {
                for (GoldenCase golden : GoldenCaseFile.read(goldenDir.resolve(kernel + ".json"), kernel)) {
                    input.append(golden.runnerBlock());
                }
            }
            // The runner's default file names, which the QEMU run relies on (it gets no command line).
            Files.writeString(work.resolve("golden_cases.txt"), input, StandardCharsets.UTF_8);
            FirmwareBuildSupport.ProcessResult result = FirmwareBuildSupport.run(work,
                    FirmwareBuildSupport.command(runner));
            assertEquals(0, result.exitCode(), () -> "golden_runner failed: " + result.describe());

            Map<String, String> lines = new LinkedHashMap<>();
            for (String line : Files.readAllLines(work.resolve("golden_results.txt"), StandardCharsets.UTF_8)) {
                String id = line.substring(0, line.indexOf(' '));
                lines.put(id, line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
