package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.Target;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build goal compiling a tiny model's firmware for the host. */
@Slow
class BuildMojoTest {
    @TempDir
    Path dir;
    final RecordingLog log = new RecordingLog();

    @Test
    void buildsTheHostFirmwareAndSaysWithWhat() throws Exception {
        Mojos.assumeTools("make", "gcc");
        Path model = Mojos.modelFile(dir, RandomModels.tiny(71));
        BuildMojo mojo = Mojos.build(model, dir.resolve("generated"), dir.resolve("firmware"), log);
        mojo.targets = List.of("HOST");

        mojo.execute();

        Path executable = dir.resolve("firmware/build/host/hark_harness");
        assertTrue(Files.isExecutable(executable));
        assertEquals("host firmware with the portable CMSIS-NN subset, double rounding: " + executable,
                log.lastInfo());
    }

    @Test
    void anUnknownTargetIsNamedBeforeAnythingIsBuilt() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(71), model);
        BuildMojo mojo = Mojos.build(model, dir.resolve("generated"), dir.resolve("firmware"), log);
        mojo.targets = List.of("HOST", "esp32");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertEquals("The parameter targets names an unknown target 'esp32': use "
                + String.join(", ", Target.names()) + ", " + Target.ALL_EMULATED + ".", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("firmware")));
    }
}
