package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.board.BoardDescriptor;
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

    @Test
    void theFiguresAreTheKernelProgramsCounts() {
        ModelFit fit = ModelFit.of(NETWORK, microbit("256K", "16K", "3K", "2K"), Program.HARNESS);
        assertEquals(COUNTS.constantBytes(), fit.constantBytes());
        assertEquals(COUNTS.arenaBytes(), fit.arenaBytes());
        assertTrue(fit.constantBytes() > 1024 && fit.arenaBytes() > 1024, fit::toString);
    }

    @Test
    void aBoardWithRoomForConstantsAndArenaFits() {
        BoardDescriptor roomy = microbit("4M", "4M", "16K", "64K");
        assertEquals(List.of(), ModelFit.of(NETWORK, roomy, Program.HARNESS).shortfalls());
        assertEquals(Optional.empty(), ModelFit.of(NETWORK, roomy, Program.HARNESS).problem("m.hark"));
    }

    @Test
    void constantsLargerThanFlashAreNamedWithBothFigures() {
        long flash = COUNTS.constantBytes() - 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFit.of(NETWORK, microbit(Long.toString(flash), "4M", "0", "2K"), Program.HARNESS)
                        .require("model.hark"));
        assertTrue(e.getMessage().startsWith("model.hark does not fit the BBC micro:bit (microbit): its weights and"
                + " tables need " + String.format("%,d", COUNTS.constantBytes()) + " bytes of flash and the board has "
                + String.format("%,d", flash)), e.getMessage());
    }

    @Test
    void theArenaMustFitWhatTheStackAndTheHarnessHeapLeave() {
        long stack = 2048;
        long heap = 1024;
        long ram = COUNTS.arenaBytes() + stack + heap;
        BoardDescriptor exact = microbit("4M", Long.toString(ram), Long.toString(heap), Long.toString(stack));
        assertEquals(List.of(), ModelFit.of(NETWORK, exact, Program.HARNESS).shortfalls());

        BoardDescriptor oneShort = microbit("4M", Long.toString(ram - 8), Long.toString(heap), Long.toString(stack));
        List<String> shortfalls = ModelFit.of(NETWORK, oneShort, Program.HARNESS).shortfalls();
        assertEquals(1, shortfalls.size(), shortfalls::toString);
        assertTrue(shortfalls.get(0).contains("its arena needs " + String.format("%,d", COUNTS.arenaBytes())
                + " bytes of RAM") && shortfalls.get(0).contains("1,024-byte heap of the harness"), shortfalls::toString);
        // The lean firmware reserves no heap, so the same board holds its arena.
        assertEquals(List.of(), ModelFit.of(NETWORK, oneShort, Program.LISTEN_LEAN).shortfalls());
    }
}
