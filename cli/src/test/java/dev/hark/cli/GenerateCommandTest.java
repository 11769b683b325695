package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark generate} writes what the plugin's generate goal writes: the C sources and the runtime they link. */
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
        assertTrue(first.out().startsWith(out + ": 7 files written, 0 unchanged, 0 removed; C runtime: "
                + FirmwareTemplate.runtimeFiles().size() + " files written; arena "), first.out());
        assertTrue(Files.isRegularFile(out.resolve("hark_network.c")));
        for (String file : FirmwareTemplate.runtimeFiles()) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        CliRunner.Run second = CliRunner.run("generate", "-m", model.toString(), "-o", out.toString(),
                "--planner", "GREEDY");
        assertTrue(second.out().startsWith(out + ": 0 files written, 7 unchanged, 0 removed; C runtime: 0 files"
                + " written; arena "), second.out());
    }
}
