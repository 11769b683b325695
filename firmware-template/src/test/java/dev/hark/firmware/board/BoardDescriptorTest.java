package dev.hark.firmware.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.testing.Fast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@Fast
class BoardDescriptorTest {
    private static final String AN386 = FirmwareTemplate.readText("boards/mps2-an386/board.properties");

    @Test
    void theDescriptorGivesTheBoardsMemoryMapAndCore() {
        BoardDescriptor board = BoardDescriptor.parse("mps2-an386", AN386, "an386");
        assertEquals("Cortex-M4F", board.core());
        assertEquals("cortex-m4", board.cpu());
        assertEquals(new MemoryRegion(0, 4 << 20), board.flash());
        assertEquals(new MemoryRegion(0x2000_0000L, 4 << 20), board.ram());
        assertEquals(32, board.irqCount());
        assertEquals(Optional.of("mps2-an386"), board.qemuMachine());
        assertEquals(16 * 1024, board.harnessHeapSize());
        assertEquals(64 * 1024, board.stackSize());
        assertEquals(160_000, board.listenBufferSamples());
        assertTrue(board.hasFpu());
        assertFalse(board.testedOnSilicon());
        assertEquals("4 MB at 0x20000000", board.ram().toString());
    }

    @Test
    void everyBoardOfTheTemplateIsCompleteAndItsMemoryHoldsItsStackHeapAndSampleBuffer() {
        List<BoardDescriptor> boards = Boards.all();
        assertTrue(boards.size() >= 7, boards::toString);
        for (BoardDescriptor board : boards) {
            long sampleBufferBytes = 2L * board.listenBufferSamples();
            assertTrue(board.stackSize() + board.harnessHeapSize() + sampleBufferBytes < board.ram().size(),
                    () -> board.name() + ": stack " + board.stackSize() + ", heap " + board.harnessHeapSize()
                            + " and sample buffer " + sampleBufferBytes + " bytes against " + board.ram().size()
                            + " of RAM");
            assertFalse(board.title().isBlank(), board.name());
            board.openocdConfigs().forEach(config -> assertTrue(
                    config.matches("(board|interface|target)/[\\w.-]+\\.cfg"), board.name() + ": " + config));
        }
        assertEquals(List.of("cortex-m0", "cortex-m3", "cortex-m4", "cortex-m4", "cortex-m7", "cortex-m33",
                "cortex-m55"),
                boards.stream().filter(BoardDescriptor::isEmulated).map(BoardDescriptor::cpu).toList(),
                "the emulated boards, by architecture");
    }

    /** Debian's openocd package keeps its configurations here; scripts/install-deps installs it. */
    private static final Path OPENOCD_SCRIPTS = Path.of("/usr/share/openocd/scripts");

    @Test
    void everyOpenOcdConfigurationNamedIsOneOpenOcdHas() {
        Assumptions.assumeTrue(Files.isDirectory(OPENOCD_SCRIPTS), "OpenOCD is not installed (scripts/install-deps)");
        for (BoardDescriptor board : Boards.all()) {
            for (String config : board.openocdConfigs()) {
                assertTrue(Files.isRegularFile(OPENOCD_SCRIPTS.resolve(config)), board.name() + ": " + config);
            }
        }
    }

    @Test
    void aMissingKeyIsNamedWithTheDescriptor() {
        String withoutRam = AN386.replaceAll("(?m)^board\\.ram\\.size.*$", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoardDescriptor.parse("x", withoutRam, "boards/x/board.properties"));
        assertEquals("boards/x/board.properties: board.ram.size is missing (write it with an empty value if the board"
                + " has none)", e.getMessage());
    }

    @Test
    void aMalformedSizeOrAddressIsNamedWithItsValue() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> BoardDescriptor.parse("x",
                AN386.replace("board.ram.size = 4M", "board.ram.size = 4 MB"), "d"));
        assertEquals("d: board.ram.size is '4 MB', not a size (bytes, with an optional K or M)", size.getMessage());
        IllegalArgumentException address = assertThrows(IllegalArgumentException.class, () -> BoardDescriptor.parse(
                "x", AN386.replace("board.flash.origin = 0x00000000", "board.flash.origin = 0xG"), "d"));
        assertEquals("d: board.flash.origin is '0xG', not an address (0x... or decimal)", address.getMessage());
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class, () -> BoardDescriptor.parse(
                "x", AN386.replace("board.ram.origin = 0x20000000", "board.ram.origin = 0xFFFF0000"), "d"));
        assertTrue(overflow.getMessage().startsWith("d: board.ram not a region of the 32-bit address space"),
                overflow.getMessage());
    }

    @Test
    void sizesTakeTheLinkersSuffixes() {
        BoardDescriptor board = BoardDescriptor.parse("x", AN386.replace("board.ram.size = 4M", "board.ram.size = 96K")
                .replace("board.stack.size = 64K", "board.stack.size = 0x800"), "d");
        assertEquals(96 * 1024, board.ram().size());
        assertEquals(2048, board.stackSize());
    }
}
