package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.PlannerKind;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.io.Executables;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark verify --clips}: the clips of a folder, without a workspace's data set, as the plugin's verify goal. */
@Slow
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void runsTheFoldersClipsOnTheHostAndSaysWithWhichLibraryAndRounding() throws Exception {
        for (String tool : List.of("make", "gcc")) {
            assumeTrue(Executables.isInstalled(tool), tool + " is not installed (scripts/install-deps)");
        }
        QuantizedModel model = RandomModels.tiny(81);
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(model, modelFile);
        Path clips = Files.createDirectories(dir.resolve("clips"));
        List<byte[]> features = RandomModels.features(model, 2, 82);
        Files.write(clips.resolve("one.features"), features.get(0));
        Files.write(clips.resolve("two.features"), features.get(1));

        CliRunner.Run run = CliRunner.run("verify", "-m", modelFile.toString(), "--clips", clips.toString(),
                "--targets", "HOST", "--planner", "LINEAR", "--no-comments", "-w", dir.resolve("work").toString());

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().matches("host \\(the portable CMSIS-NN subset, double rounding\\): 0 of \\d+ bytes"
                + " differ over 2 clips x 7 layers\\R"), run.out());
        Path expected = dir.resolve("expected");
        CodeGenerator.generate(model, new CodegenConfig().withOutputDirectory(expected.toString())
                .withPlanner(PlannerKind.LINEAR).withEmitComments(false));
        assertEquals(Files.readString(expected.resolve("hark_network.c")),
                Files.readString(new Workspace(dir.resolve("work").toAbsolutePath()).generatedSources()
                        .resolve("hark_network.c")), "generated with --planner and --no-comments");
    }

    @Test
    void aClipThatDoesNotFitIsBadInputNamingTheOptionAndTheFile() throws Exception {
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(81), modelFile);
        Path clips = Files.createDirectories(dir.resolve("clips"));
        Files.write(clips.resolve("short.features"), new byte[5]);

        CliRunner.Run run = CliRunner.run("verify", "-m", modelFile.toString(), "--clips", clips.toString(),
                "-w", dir.resolve("work").toString());

        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertEquals("hark: --clips: " + clips.resolve("short.features") + ": 5 bytes, the network takes 30 frames"
                + " x 12 mel bins = 360 int8 features", run.err().strip());
    }
}
