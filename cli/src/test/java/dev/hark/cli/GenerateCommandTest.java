package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark generate} writes what the plugin's generate goal writes: the C sources and the runtime they link, for
 * the CMSIS-NN chosen.
 */
@Fast
class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSourcesWithTheRuntimeAndRewritesNothingUnchanged() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(3), model);
        Path out = dir.resolve("generated");

        CliRunner.Run first = CliRunner.run("generate", "-m", model.toString(), "-o", out.toString());

        assertEquals(ExitCode.OK.code(), first.exitCode(), first.err());
        assertTrue(first.out().startsWith(out + ": 7 files written, 0 unchanged, 0 removed; C runtime for the portable CMSIS-NN"
                + " subset: " + FirmwareTemplate.runtimeFiles().size() + " files written; arena "), first.out());
        assertTrue(Files.isRegularFile(out.resolve("hark_network.c")));
        for (String file : FirmwareTemplate.runtimeFiles()) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        CliRunner.Run second = CliRunner.run("generate", "-m", model.toString(), "-o", out.toString(),
                "--planner", "GREEDY");
        assertTrue(second.out().startsWith(out + ": 0 files written, 7 unchanged, 0 removed; C runtime for the portable"
                + " CMSIS-NN subset: 0 files written; arena "), second.out());
    }

    @Test
    void theDetectorOptionOverridesTheModelsDetectorInTheGeneratedSettings() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(3).withDetector(new DetectionSettings(12, 201, 7)), model);
        Path asChosen = dir.resolve("as-chosen");
        Path overridden = dir.resolve("overridden");

        assertEquals(ExitCode.OK.code(), CliRunner.run("generate", "-m", model.toString(), "-o", asChosen.toString())
                .exitCode());
        CliRunner.Run run = CliRunner.run("generate", "-m", model.toString(), "-o", overridden.toString(),
                "--detector", "3,150,0");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertEquals(List.of("#define HARK_DETECTOR_SMOOTHING_STEPS 12", "#define HARK_DETECTOR_THRESHOLD 201",
                "#define HARK_DETECTOR_REFRACTORY_STEPS 7"), detectorValues(asChosen));
        assertEquals(List.of("#define HARK_DETECTOR_SMOOTHING_STEPS 3", "#define HARK_DETECTOR_THRESHOLD 150",
                "#define HARK_DETECTOR_REFRACTORY_STEPS 0"), detectorValues(overridden));
    }

    @Test
    void aBadDetectorIsBadInputNamingTheOptionBeforeAnythingIsWritten() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(3), model);
        Path out = dir.resolve("out");

        CliRunner.Run run = CliRunner.run("generate", "-m", model.toString(), "-o", out.toString(), "--detector",
                "0,192,12");

        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertEquals("hark: --detector: smoothing must cover 1 to 64 steps, got 0", run.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void inspectShowsTheModelsDetector() throws Exception {
        Path without = dir.resolve("without.hark");
        ModelFile.write(RandomModels.tiny(3), without);
        Path with = dir.resolve("with.hark");
        ModelFile.write(RandomModels.tiny(3).withDetector(new DetectionSettings(12, 201, 7)), with);

        assertTrue(CliRunner.run("inspect", without.toString()).out().contains("detector: mean of 5 scores,"
                + " threshold 146 (log-odds 1.13), refractory 12 steps (none recorded: the default)\n"));
        CliRunner.Run run = CliRunner.run("inspect", with.toString());
        assertTrue(run.out().contains("detector: mean of 12 scores, threshold 201 (log-odds 4.56), refractory 7"
                + " steps (chosen for this model, as the generated firmware listens)\n"), run.out());
    }

    private static List<String> detectorValues(Path generated) throws java.io.IOException {
        return Files.readAllLines(generated.resolve("hark_model_settings.h")).stream()
                .filter(l -> l.startsWith("#define HARK_DETECTOR_") && !l.contains("HARK_DETECTOR_SETTINGS")).toList();
    }

    @Test
    void aCmsisNnCheckoutReplacesThePortableSubset() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(3), model);
        Path checkout = Files.createDirectories(dir.resolve("CMSIS-NN/Include")).getParent();
        Files.writeString(checkout.resolve("Include/arm_nnfunctions.h"), "");
        Path out = dir.resolve("generated");

        CliRunner.Run run = CliRunner.run("generate", "-m", model.toString(), "-o", out.toString(), "--cmsis-nn",
                checkout.toString());

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("C runtime for CMSIS-NN at " + checkout + ": "), run.out());
        assertTrue(Files.isRegularFile(out.resolve("hark-kernels/Source/hark_gru_s8.c")));
        assertFalse(Files.exists(out.resolve("cmsis-nn-portable")), "the checkout's CMSIS-NN is the one linked");
    }

    @Test
    void aFolderThatIsNoCmsisNnCheckoutIsBadInputNamingTheOption() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(3), model);

        CliRunner.Run run = CliRunner.run("generate", "-m", model.toString(), "-o", dir.resolve("out").toString(),
                "--cmsis-nn", dir.toString());

        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode());
        assertEquals("hark: --cmsis-nn: " + dir + " is not a CMSIS-NN checkout: Include/arm_nnfunctions.h is"
                + " missing", run.err().strip());
    }
}
