package dev.hark.cli;

import static dev.hark.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.testing.Fast;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark boards} and {@code hark flash} without a board attached: what they print and what they refuse. */
@Fast
class FlashCommandTest {
    @TempDir
    Path dir;

    private Path elf(String name) throws Exception {
        Path image = dir.resolve(name);
        Files.write(image, new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1, 0});
        return image;
    }

    @Test
    void aDryRunPrintsTheOpenOcdCommandForTheBoard() throws Exception {
        Path image = elf("with space.elf");
        CliRunner.Run run = CliRunner.run("flash", "--board", "nucleo-f446re", "--image", image.toString(),
                "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("openocd -f board/st_nucleo_f4.cfg -c 'program {" + image.toAbsolutePath().normalize()
                + "} verify reset exit'", run.out().strip());
    }

    @Test
    void aBoardWithoutAProgrammerIsRefusedNamingWhereItRuns() throws Exception {
        assertOneLineError(CliRunner.run("flash", "--board", "mps2-an386", "--image", elf("a.elf").toString(),
                "--dry-run"), "--board", "mps2-an386", "no OpenOCD configuration", "qemu-system-arm -M mps2-an386");
    }

    @Test
    void anUnknownBoardIsRefusedListingTheBoards() throws Exception {
        assertOneLineError(CliRunner.run("flash", "--board", "esp32", "--image", elf("a.elf").toString()), "--board",
                "esp32", "nucleo-f446re", "mps2-an386");
    }

    @Test
    void anImageThatIsNotAnElfFileIsRefused() throws Exception {
        Path text = dir.resolve("firmware.bin");
        Files.writeString(text, "not an image");
        assertOneLineError(CliRunner.run("flash", "--board", "nucleo-f446re", "--image", text.toString(), "--dry-run"),
                text.toString(), "not an ELF image");
    }

    @Test
    void anImageOrAModelIsNeededButNotBoth() throws Exception {
        assertEquals(ExitCode.USAGE.code(), CliRunner.run("flash", "--board", "nucleo-f446re").exitCode());
        assertEquals(ExitCode.USAGE.code(), CliRunner.run("flash", "--board", "nucleo-f446re", "--image",
                elf("a.elf").toString(), "--model", "m.hark").exitCode());
    }

    @Test
    void boardsListsEveryBoardWithItsCoreAndMemory() {
        CliRunner.Run run = CliRunner.run("boards");
        assertEquals(0, run.exitCode(), run.err());
        for (BoardDescriptor board : Boards.all()) {
            assertTrue(run.out().lines().anyMatch(line -> line.startsWith(board.name() + " ")
                    && line.contains(board.core()) && line.contains(board.flash().toString())
                    && line.contains(board.ram().toString())), board.name() + " in:\n" + run.out());
        }
    }
}
