package dev.hark.pipeline.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.firmware.run.BenchmarkRunner;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.LeanRun;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.SizeReport;
import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images {@code hark flash} builds: for every real board (not emulated, programmed with OpenOCD) the model's
 * listening firmware builds and fits the board's memory, and the STM32F4 console code those images share runs under
 * QEMU on the Netduino Plus 2 and prints what the MPS2 board prints.
 */
@Qemu
class FlashStageTest {
    private static final CrnnConfig SHAPE = CrnnConfig.builder().optFrames(30).optMels(40).optConvChannels(2)
            .optKernelTime(6).optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1).build();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void everyRealBoardsListeningImageBuildsAndFitsTheBoard() throws Exception {
        QuantizedModel model = RandomModels.create(SHAPE, 5, Rounding.DOUBLE);
        List<BoardDescriptor> real = Boards.all().stream()
                .filter(board -> !board.isEmulated() && !board.openocdConfigs().isEmpty()).toList();
        assertTrue(real.stream().anyMatch(BoardDescriptor::hasMicrophone), "no real board with a microphone driver");
        for (BoardDescriptor board : real) {
            FlashStage stage = new FlashStage(board, QUIET);
            FirmwareBuild.Result built;
            try {
                built = stage.buildImage(model, "the random model", new CodegenConfig(), KernelLibrary.portable(), dir.resolve(board.name()));
            } catch (MissingToolException e) {
                Assumptions.abort(e.getMessage());
                return;
            }
            assertEquals(board.hasMicrophone() ? Program.PRODUCT : Program.LISTEN_LEAN, built.program(), board.name());
            assertTrue(Files.isRegularFile(built.executable()), built.executable().toString());
            SizeReport size = built.size().orElseThrow();
            assertTrue(size.flash() <= board.flash().size(), board.name() + ": " + size);
            assertTrue(size.ram() + board.stackSize() <= board.ram().size(), board.name() + ": " + size);
            List<String> command = stage.command(built.executable());
            assertEquals("openocd", command.get(0));
            assertEquals("program {" + built.executable().toAbsolutePath().normalize() + "} verify reset exit",
                    command.get(command.size() - 1), board.name());
            assertEquals(2 * board.openocdConfigs().size() + 3, command.size(), command::toString);
        }
    }

    @Test
    void theStm32ConsoleRunsUnderQemuAndPrintsWhatTheMps2BoardPrints() throws Exception {
        QuantizedModel model = RandomModels.create(SHAPE, 6, Rounding.SINGLE);
        LeanRun mps2;
        LeanRun stm32;
        try {
            mps2 = leanRun(model, Target.MPS2_AN386);
            stm32 = leanRun(model, Target.named("netduinoplus2"));
        } catch (MissingToolException e) {
            Assumptions.abort(e.getMessage());
            return;
        }
        assertTrue(mps2.frames() > 0 && mps2.steps() > 0, mps2::toString);
        // The same listening, printed alike; only the MPS2 board's timer counts instructions (QEMU does not model
        // the STM32's cycle counter).
        assertEquals(new LeanRun(mps2.seconds(), mps2.frames(), mps2.steps(), mps2.detections(), mps2.stackPeak()),
                stm32);
        assertTrue(mps2.instructions().isPresent(), mps2::toString);
    }

    private LeanRun leanRun(QuantizedModel model, Target target) throws IOException {
        FirmwareProject project = FirmwareProject.create(dir.resolve(target.makeName()));
        CodeGenerator.generateStreaming(model,
                new CodegenConfig().withOutputDirectory(project.generatedDirectory().toString()),
                Lowering.defaultAttentionWindow(model));
        FirmwareBuild.Result built = FirmwareBuild.of(project, target).optProgram(Program.LISTEN_LEAN)
                .optRounding(model.rounding()).build();
        return new BenchmarkRunner(dir.resolve("runs-" + target.makeName())).runLean(built);
    }
}
