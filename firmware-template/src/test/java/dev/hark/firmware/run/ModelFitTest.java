package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Fast
class ModelFitTest {
    /** The demo teacher's shape: two GRU layers. */
    private static final KernelProgram NETWORK = Lowering.lower(RandomModels.defaultSize(7));
    private static final ProgramCounts COUNTS = ProgramCounts.of(NETWORK);

    /** The micro:bit's descriptor with its memory sizes replaced. */
    private static BoardDescriptor microbit(String flash, String ram, String heap, String stack) {
        String text = FirmwareTemplate.readText("boards/microbit/board.properties")
                .replaceAll("(?m)^board\\.flash\\.size = .*$", "board.flash.size = " + flash)
                .replaceAll("(?m)^board\\.ram\\.size = .*$", "board.ram.size = " + ram)
                .replaceAll("(?m)^board\\.harness\\.heap\\.size = .*$", "board.harness.heap.size = " + heap)
                .replaceAll("(?m)^board\\.stack\\.size = .*$", "board.stack.size = " + stack);
        return BoardDescriptor.parse("microbit", text, "test");
    }

    private static String bytes(long value) {
        return String.format("%,d", value);
    }

    @Test
    void theFiguresAreTheKernelProgramsCounts() {
        ModelFit fit = ModelFit.of(NETWORK, microbit("256K", "16K", "3K", "2K"), Program.HARNESS);
        assertEquals(COUNTS.constantBytes(), fit.constantBytes());
        assertEquals(COUNTS.arenaBytes(), fit.arenaBytes());
        assertEquals(NETWORK.input().size(), fit.inputBytes());
        assertEquals(COUNTS.constantBytes() + ModelFit.CODE_BYTES_AT_LEAST_HARNESS, fit.flashBytes());
        assertEquals(COUNTS.arenaBytes() + NETWORK.input().size() + ModelFit.STATIC_BYTES_AT_LEAST_HARNESS + 3 * 1024
                + 2 * 1024, fit.ramBytes());
    }

    @Test
    void aBoardWithRoomForEverythingFits() {
        BoardDescriptor roomy = microbit("4M", "4M", "16K", "64K");
        assertEquals(List.of(), ModelFit.of(NETWORK, roomy, Program.HARNESS).shortfalls());
        assertEquals(Optional.empty(), ModelFit.of(NETWORK, roomy, Program.HARNESS).problem("m.hark"));
    }

    @Test
    void flashForConstantsAndCodeIsNamedWithEveryFigure() {
        long needed = COUNTS.constantBytes() + ModelFit.CODE_BYTES_AT_LEAST_HARNESS;
        // Room for the weights and tables alone is not enough: the code comes on top.
        long flash = needed - 1;
        assertTrue(flash > COUNTS.constantBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFit.of(NETWORK, microbit(Long.toString(flash), "4M", "0", "2K"), Program.HARNESS)
                        .require("model.hark"));
        assertEquals("model.hark does not fit the BBC micro:bit (microbit): the harness needs at least "
                + bytes(needed) + " bytes of flash (weights and tables " + bytes(COUNTS.constantBytes())
                + ", code at least "
                + bytes(ModelFit.CODE_BYTES_AT_LEAST_HARNESS) + ") and the board has " + bytes(flash) + ".",
                e.getMessage());
        assertEquals(List.of(), ModelFit.of(NETWORK, microbit(Long.toString(needed), "4M", "0", "2K"),
                Program.HARNESS).shortfalls());
    }

    @Test
    void ramForArenaInputStaticsHeapAndStackIsCountedToTheByte() {
        long stack = 2048;
        long heap = 1024;
        long ram = COUNTS.arenaBytes() + NETWORK.input().size() + ModelFit.STATIC_BYTES_AT_LEAST_HARNESS + heap + stack;
        BoardDescriptor exact = microbit("4M", Long.toString(ram), Long.toString(heap), Long.toString(stack));
        assertEquals(List.of(), ModelFit.of(NETWORK, exact, Program.HARNESS).shortfalls());

        BoardDescriptor oneShort = microbit("4M", Long.toString(ram - 8), Long.toString(heap), Long.toString(stack));
        List<String> shortfalls = ModelFit.of(NETWORK, oneShort, Program.HARNESS).shortfalls();
        assertEquals(List.of("the harness needs at least " + bytes(ram) + " bytes of RAM (arena "
                + bytes(COUNTS.arenaBytes()) + ", input " + bytes(NETWORK.input().size()) + ", other statics at least "
                + bytes(ModelFit.STATIC_BYTES_AT_LEAST_HARNESS) + ", heap 1,024, stack 2,048) and the board has "
                + bytes(ram - 8)), shortfalls);
        // The lean firmware reserves no heap and has no C library's data, but holds the listening engine.
        long leanRam = COUNTS.arenaBytes() + NETWORK.input().size() + ModelFit.ENGINE_STATE_BYTES + stack;
        assertEquals(List.of(), ModelFit.of(NETWORK, microbit("4M", Long.toString(leanRam), Long.toString(heap),
                Long.toString(stack)), Program.LISTEN_LEAN).shortfalls());
        assertEquals(1, ModelFit.of(NETWORK, microbit("4M", Long.toString(leanRam - 8), Long.toString(heap),
                Long.toString(stack)), Program.LISTEN_LEAN).shortfalls().size());
    }

    @Test
    void theListeningHarnessNeedsRoomForTheBoardsSampleBufferAndTheRefusalNamesIt() {
        KernelProgram listening = Lowering.lowerStreaming(RandomModels.create(RandomModels.smallStudentShape(), 7,
                Rounding.DOUBLE), 11);
        long stack = 2048;
        long withoutBuffer = ProgramCounts.of(listening).arenaBytes() + listening.input().size()
                + ModelFit.ENGINE_STATE_BYTES + ModelFit.STATIC_BYTES_AT_LEAST_LISTEN_HARNESS + stack;
        // The micro:bit's buffer: 160 samples of 2 bytes.
        long buffer = 2 * Boards.named("microbit").orElseThrow().listenBufferSamples();
        assertEquals(320, buffer);
        BoardDescriptor exact = microbit("4M", Long.toString(withoutBuffer + buffer), "3K", Long.toString(stack));
        assertEquals(List.of(), ModelFit.of(listening, exact, Program.LISTEN_HARNESS).shortfalls());

        // Room for everything but the buffer: refused, and the line names the buffer.
        BoardDescriptor noRoomForTheBuffer = microbit("4M", Long.toString(withoutBuffer), "3K", Long.toString(stack));
        List<String> shortfalls = ModelFit.of(listening, noRoomForTheBuffer, Program.LISTEN_HARNESS).shortfalls();
        assertEquals(1, shortfalls.size(), shortfalls::toString);
        assertTrue(shortfalls.get(0).startsWith("the listen-harness needs at least " + bytes(withoutBuffer + buffer)
                + " bytes of RAM"), shortfalls.get(0));
        assertTrue(shortfalls.get(0).contains(", sample buffer 320 (160 samples),"), shortfalls.get(0));
        // Only the listening harness has the buffer: the lean firmware (no statics counted either) fits to the byte.
        long leanRam = withoutBuffer - ModelFit.STATIC_BYTES_AT_LEAST_LISTEN_HARNESS;
        BoardDescriptor lean = microbit("4M", Long.toString(leanRam), "3K", Long.toString(stack));
        assertEquals(List.of(), ModelFit.of(listening, lean, Program.LISTEN_LEAN).shortfalls());
    }

    @Test
    void onTheMicrobitTheTeacherAndTheStudentFitAndAWiderNetworkIsRefusedForItsRam() {
        BoardDescriptor microbit = Boards.named("microbit").orElseThrow();
        // The demo teacher's clips harness links and runs on the micro:bit (12,848 bytes of static RAM beside its
        // 2 KB stack, hark verify --targets microbit), and so does the student's.
        assertEquals(List.of(), ModelFit.of(NETWORK, microbit, Program.HARNESS).shortfalls());
        KernelProgram student = Lowering.lower(RandomModels.create(RandomModels.smallStudentShape(), 7,
                Rounding.DOUBLE));
        assertEquals(List.of(), ModelFit.of(student, microbit, Program.HARNESS).shortfalls());
        KernelProgram studentListening = Lowering.lowerStreaming(RandomModels.create(
                RandomModels.smallStudentShape(), 7, Rounding.DOUBLE), 11);
        assertFalse(ModelFit.of(studentListening, microbit, Program.LISTEN_HARNESS).ramBytes() > microbit.ram().size());

        // 32 channels at stride 1: the convolution's output alone is more than the board's RAM leaves.
        KernelProgram wide = Lowering.lower(RandomModels.create(RandomModels.smallStudentShape().toBuilder()
                .optConvChannels(32).optKernelTime(5).optStrideTime(1).optStrideMel(1).build(), 7, Rounding.DOUBLE));
        ModelFit fit = ModelFit.of(wide, microbit, Program.HARNESS);
        assertTrue(fit.arenaBytes() > microbit.ram().size() - microbit.stackSize() - microbit.harnessHeapSize(),
                fit::toString);
        assertTrue(fit.shortfalls().stream().anyMatch(line -> line.contains("bytes of RAM")),
                fit.shortfalls()::toString);
    }
}
