package dev.hark.cli;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;

/** {@code hark boards}: the boards of the firmware template, from their descriptors. */
@Command(name = "boards",
        description = "List the boards hark builds firmware for: core, memory, clock, how they run here (QEMU) and"
                + " how they are programmed (OpenOCD).")
final class BoardsCommand extends Subcommand {
    private static final List<String> HEADER = List.of("board", "core", "flash", "RAM", "clock", "QEMU", "silicon",
            "OpenOCD");
    /** The clock is a number: right-aligned, so the megahertz line up. */
    private static final int CLOCK_COLUMN = 4;

    @Override
    public Integer call() {
        PrintWriter out = out();
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (BoardDescriptor board : Boards.all()) {
            rows.add(List.of(board.name(), board.core(), board.flash().toString(), board.ram().toString(),
                    (board.clockHz() / 1_000_000) + " MHz", board.qemuMachine().orElse("-"),
                    board.testedOnSilicon() ? "tested" : "untested",
                    board.openocdConfigs().isEmpty() ? "-" : String.join(" ", board.openocdConfigs())));
        }
        int[] widths = widths(rows);
        rows.forEach(row -> out.println(line(row, widths)));
        return ExitCode.OK.code();
    }

    /** Each column as wide as its widest cell, boards' names and memory maps being of any length. */
    static int[] widths(List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        return widths;
    }

    /** The cells padded to their columns, two spaces apart; the last column is not padded. */
    static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            boolean last = c == cells.size() - 1;
            String format = last ? "%s" : (c == CLOCK_COLUMN ? "%" : "%-") + widths[c] + "s";
            line.append(String.format(Locale.ROOT, format, cells.get(c)));
        }
        return line.toString();
    }
}
