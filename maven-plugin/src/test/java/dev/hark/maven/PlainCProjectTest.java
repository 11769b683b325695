package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.hark.sim.io.Executables;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.testing.SharedFolder;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example C project ({@code examples/c-project}) builds against the generated folder with the build files the
 * runtime ships, with CMake and with Make, for a model of each rounding (the generated code refuses to compile
 * against a CMSIS-NN built for the other, so the build files must take it from the model), without a warning, and
 * prints what the simulator computes for every clip.
 */
@Slow
class PlainCProjectTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private static Path example() {
        return Path.of(System.getProperty("hark.docs.dir")).resolveSibling("examples").resolve("c-project");
    }

    @Test
    void theExampleBuildsWithCMakeAndPrintsTheSimulatorsOutput() throws Exception {
        assumeTools("cmake", "make", "gcc");
        for (Rounding rounding : Rounding.values()) {
            Generated generated = generate(rounding);
            Path build = dir.resolve("cmake-" + rounding);
            run(List.of("cmake", "-S", example().toString(), "-B", build.toString(),
                    "-DHARK_GENERATED_DIR=" + generated.directory()), "cmake configure");
            String output = run(List.of("cmake", "--build", build.toString()), "cmake build");
            assertFalse(output.contains("warning:"), output);
            generated.assertClassifies(build.resolve("classify"));
        }
    }

    @Test
    void theExampleBuildsWithMakeAndPrintsTheSimulatorsOutput() throws Exception {
        assumeTools("make", "gcc");
        for (Rounding rounding : Rounding.values()) {
            Generated generated = generate(rounding);
            Path build = dir.resolve("make-" + rounding);
            String output = run(List.of("make", "-C", example().toString(), "HARK_GENERATED_DIR="
                    + generated.directory(), "BUILD_DIR=" + build), "make");
            assertFalse(output.contains("warning:"), output);
            generated.assertClassifies(build.resolve("classify"));
        }
    }

    /** A model's generated folder and clips of its features. */
    private record Generated(QuantizedModel model, Path directory, List<Path> clips, List<byte[]> features) {
        void assertClassifies(Path program) throws Exception {
            NetworkSimulator simulator = new NetworkSimulator(model);
            for (int i = 0; i < clips.size(); i++) {
                ProcessRunner.Finished run = ProcessRunner.run(List.of(program.toString(), clips.get(i).toString()),
                        directory, directory.resolve("classify.log"), TIMEOUT);
                assertEquals(0, run.exitCode(), run.tail());
                StringBuilder expected = new StringBuilder();
                for (byte value : simulator.run(features.get(i)).output()) {
                    expected.append(value).append('\n');
                }
                assertEquals(expected.toString(), run.output(), model.rounding() + " rounding, " + clips.get(i));
            }
        }
    }

    private Generated generate(Rounding rounding) throws Exception {
        QuantizedModel model = RandomModels.create(RandomModels.tinyShape(), 91, rounding);
        Path modelFile = dir.resolve("model-" + rounding + ".hark");
        ModelFile.write(model, modelFile);
        Path generated = dir.resolve("generated-" + rounding);
        Mojos.generate(modelFile, generated, new RecordingLog()).execute();
        List<byte[]> features = RandomModels.features(model, 2, 92);
        List<Path> clips = List.of(dir.resolve(rounding + "-0.features"), dir.resolve(rounding + "-1.features"));
        for (int i = 0; i < clips.size(); i++) {
            Files.write(clips.get(i), features.get(i));
        }
        return new Generated(model, generated, clips, features);
    }

    private String run(List<String> command, String what) throws Exception {
        ProcessRunner.Finished finished = ProcessRunner.run(command, dir, dir.resolve("build.log"), TIMEOUT);
        assertEquals(0, finished.exitCode(), what + " failed:\n" + finished.tail());
        return finished.output();
    }

    /**
     * Skips the test when a tool is missing, except in continuous integration ({@code CI=true}), where the example
     * must be built: there a missing tool fails it.
     */
    private static void assumeTools(String... tools) {
        for (String tool : tools) {
            if (!Executables.isInstalled(tool)) {
                String reason = tool + " is not installed (scripts/install-deps)";
                if ("true".equals(System.getenv(SharedFolder.CI))) {
                    fail(reason + "; with CI=true the example C project must be built");
                }
                abort(reason);
            }
        }
    }
}
