package dev.hark.pipeline.firmware;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.run.Target;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class FirmwareStageFitTest {
    /** 64 convolution channels: an arena of about 13 KB, more than the micro:bit's 16 KB leave the harness. */
    private static final QuantizedModel WIDE = RandomModels.create(CrnnConfig.builder().optConvChannels(64)
            .optGruHidden(8).optGruLayers(1).build(), 1, Rounding.DOUBLE);

    @Test
    void aModelThatDoesNotFitOneOfManyBoardsIsRefusedNamingThatBoardAndTheOthers() {
        List<Target> targets = List.of(Target.HOST, Target.named("microbit"), Target.MPS2_AN386);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FirmwareStage.requireFit(WIDE, new CodegenConfig(), targets, "the model"));
        assertTrue(e.getMessage().startsWith("the model does not fit the BBC micro:bit (microbit): the harness needs at"
                + " least "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" It fits host,mps2-an386 (--targets host,mps2-an386)."), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        assertDoesNotThrow(() -> FirmwareStage.requireFit(WIDE, new CodegenConfig(), List.of(Target.MPS2_AN386),
                "the model"));
    }

    @Test
    void aModelWhoseArenaAloneFitsTheMicrobitIsRefusedForWhatComesBesideIt() {
        // Four times the demo teacher's convolution channels: an arena that the micro:bit's 16 KB hold less the
        // harness's heap and stack, but not with the clip's 4 KB of features and the C library's data beside it.
        QuantizedModel model = RandomModels.create(CrnnConfig.builder().optConvChannels(32).build(), 1,
                Rounding.DOUBLE);
        int arena = ProgramCounts.of(Lowering.lower(model)).arenaBytes();
        BoardDescriptor microbit = Target.named("microbit").board().orElseThrow();
        assertTrue(arena < microbit.ram().size() - microbit.stackSize() - microbit.harnessHeapSize(),
                "arena " + arena);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FirmwareStage.requireFit(model, new CodegenConfig(), List.of(Target.named("microbit")),
                        "wide.hark"));
        assertTrue(e.getMessage().startsWith("wide.hark does not fit the BBC micro:bit (microbit): the harness"
                + " needs at least "), e.getMessage());
        assertTrue(e.getMessage().contains("bytes of RAM (arena ") && e.getMessage().contains("input 4,040"),
                e.getMessage());
        // The demo teacher's shape and the smallest student fit (the teacher's clips harness links and runs there).
        assertDoesNotThrow(() -> FirmwareStage.requireFit(RandomModels.defaultSize(1), new CodegenConfig(),
                List.of(Target.named("microbit")), "teacher.hark"));
        assertDoesNotThrow(() -> FirmwareStage.requireFit(RandomModels.create(RandomModels.smallStudentShape(), 1,
                Rounding.DOUBLE), new CodegenConfig(), List.of(Target.named("microbit")), "student.hark"));
    }
}
