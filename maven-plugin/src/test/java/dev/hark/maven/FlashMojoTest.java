package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.codegen.PlannerKind;
import dev.hark.config.Setting;
import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flash goal without a board attached: what it builds and prints with dryRun, and which boards it refuses. */
@Qemu
class FlashMojoTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();

    private FlashMojo mojo(String board) throws Exception {
        FlashMojo mojo = new FlashMojo();
        mojo.model = Mojos.modelFile(dir, RandomModels.create(CrnnConfig.builder().optFrames(30).optMels(40)
                .optConvChannels(2).optKernelTime(6).optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8)
                .optGruLayers(1).build(), 3, Rounding.DOUBLE)).toFile();
        mojo.outputDirectory = dir.resolve("generated").toFile();
        mojo.firmwareDirectory = dir.resolve("firmware").toFile();
        mojo.planner = PlannerKind.valueOf(Setting.PLANNER.pluginDefault().orElseThrow());
        mojo.environment = Map.of();
        mojo.board = board;
        mojo.dryRun = true;
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void aDryRunBuildsTheBoardsProductFirmwareAndLogsTheOpenOcdCommand() throws Exception {
        Mojos.assumeTools("make", "arm-none-eabi-gcc");
        mojo("nucleo-f446re").execute();
        Path image = dir.resolve("firmware/nucleo-f446re/build/nucleo-f446re/hark_product.elf");
        assertTrue(Files.isRegularFile(image), log.info::toString);
        assertEquals("openocd -f board/st_nucleo_f4.cfg -c program {" + image.toAbsolutePath().normalize()
                + "} verify reset exit", log.lastInfo());
    }

    @Test
    void aBoardWithoutAProgrammerFailsNamingTheParameter() throws Exception {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo("mps2-an386")::execute);
        assertTrue(e.getMessage().startsWith("The parameter board: mps2-an386 names no OpenOCD configuration"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("firmware")));
    }

    @Test
    void anUnknownOrMissingBoardFailsListingTheBoardsItCanProgram() throws Exception {
        MojoFailureException unknown = assertThrows(MojoFailureException.class, mojo("esp32")::execute);
        assertTrue(unknown.getMessage().startsWith("The parameter board names an unknown board 'esp32': use "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("nucleo-f446re"), unknown.getMessage());
        MojoFailureException missing = assertThrows(MojoFailureException.class, mojo(null)::execute);
        assertTrue(missing.getMessage().startsWith("The parameter board is not set"), missing.getMessage());
    }
}
