package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
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
