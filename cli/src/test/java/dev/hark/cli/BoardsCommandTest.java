package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class BoardsCommandTest {
    private static final List<String> LEFT_ALIGNED = List.of("core", "flash", "RAM", "QEMU", "silicon", "OpenOCD");

    @Test
    void everyBoardIsALineWhoseCellsStartUnderTheirHeadings() {
        CliRunner.Run run = CliRunner.run("boards");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        List<BoardDescriptor> boards = Boards.all();
        assertEquals(boards.size() + 1, lines.size(), run.out());
        String header = lines.get(0);
        for (int i = 0; i < boards.size(); i++) {
            String line = lines.get(i + 1);
            assertTrue(line.startsWith(boards.get(i).name() + " "), line);
            for (String heading : LEFT_ALIGNED) {
                int at = header.indexOf(heading);
                assertTrue(line.length() > at && line.charAt(at) != ' ' && line.substring(at - 2, at).isBlank(),
                        "'" + heading + "' column at " + at + " in:\n" + header + "\n" + line);
            }
            int clockEnd = header.indexOf("clock") + "clock".length();
            assertEquals("MHz", line.substring(clockEnd - 3, clockEnd), header + "\n" + line);
        }
    }

    @Test
    void aCellLongerThanItsHeadingWidensItsColumnForEveryRow() {
        List<List<String>> rows = List.of(
                List.of("board", "core", "flash", "RAM", "clock", "QEMU", "silicon", "OpenOCD"),
                List.of("stm32f4-discovery", "Cortex-M4F", "1 MB", "128 KB", "84 MHz", "-", "untested", "x.cfg"));
        int[] widths = BoardsCommand.widths(rows);
        assertEquals("board              core        flash  RAM      clock  QEMU  silicon   OpenOCD",
                BoardsCommand.line(rows.get(0), widths));
        assertEquals("stm32f4-discovery  Cortex-M4F  1 MB   128 KB  84 MHz  -     untested  x.cfg",
                BoardsCommand.line(rows.get(1), widths));
    }
}
