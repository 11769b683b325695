package dev.hark.cli;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code hark boards}: the boards of the firmware template, from their descriptors. */
@Command(name = "boards",
        description = "List the boards hark builds firmware for: core, memory, clock, how they run here (QEMU) and"
                + " how they are programmed (OpenOCD).")
final class BoardsCommand extends Subcommand {
    @Override
    public Integer call() {
        PrintWriter out = out();
        out.printf("%-14s %-11s %-22s %-22s %8s  %-13s %-9s %s%n", "board", "core", "flash", "RAM", "clock", "QEMU",
                "silicon", "OpenOCD");
        for (BoardDescriptor board : Boards.all()) {
            out.printf("%-14s %-11s %-22s %-22s %5d MHz  %-13s %-9s %s%n", board.name(), board.core(), board.flash(),
                    board.ram(), board.clockHz() / 1_000_000, board.qemuMachine().orElse("-"),
                    board.testedOnSilicon() ? "tested" : "untested",
                    board.openocdConfigs().isEmpty() ? "-" : String.join(" ", board.openocdConfigs()));
        }
        return ExitCode.OK.code();
    }
}
