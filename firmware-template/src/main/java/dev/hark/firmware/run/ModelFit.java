package dev.hark.firmware.run;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.ProgramCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a network can fit a board, decided from its kernel program before any C is generated or compiled: its
 * constants (weights, biases, tables) must fit the board's flash, and its arena the RAM that the stack and, in a
 * program with semihosting, the heap leave. The firmware's code and the program's other buffers come on top, so a
 * network that passes may still fail at the link (the linker then names the region it overflowed); one that fails
 * here would certainly fail there, and the message says by how much, without a minute of compiling first. The
 * kernel program is the one the firmware will run, lowered with the code generator's planner
 * ({@code CodeGenerator.lower}, {@code lowerStreaming}).
 *
 * @param board          the board
 * @param program        the firmware program to be built
 * @param constantBytes  the network's constants, bound for flash
 * @param arenaBytes     the network's arena, bound for RAM
 */
public record ModelFit(BoardDescriptor board, Program program, long constantBytes, long arenaBytes) {

    /** The fit of {@code network} (the kernel program the firmware will run) on {@code board}. */
    public static ModelFit of(KernelProgram network, BoardDescriptor board, Program program) {
        ProgramCounts counts = ProgramCounts.of(network);
        return new ModelFit(board, program, counts.constantBytes(), counts.arenaBytes());
    }

    /** The RAM left for the arena: the board's, less its stack and, where the program has one, its heap. */
    public long ramForArena() {
        return board.ram().size() - board.stackSize() - heapBytes();
    }

    /** What does not fit, each a clause naming the figures; empty when the network fits. */
    public List<String> shortfalls() {
        List<String> shortfalls = new ArrayList<>();
        if (constantBytes > board.flash().size()) {
            shortfalls.add(String.format(Locale.ROOT, "its weights and tables need %,d bytes of flash and the board has"
                    + " %,d", constantBytes, board.flash().size()));
        }
        if (arenaBytes > ramForArena()) {
            shortfalls.add(String.format(Locale.ROOT, "its arena needs %,d bytes of RAM and the board's %,d leave %,d"
                    + " after the %,d-byte stack%s", arenaBytes, board.ram().size(), Math.max(0, ramForArena()),
                    board.stackSize(), heapBytes() > 0 ? String.format(Locale.ROOT, " and the %,d-byte heap of the %s",
                            heapBytes(), program.goal()) : ""));
        }
        return shortfalls;
    }

    /** One line saying why {@code model} does not fit; empty when it fits. */
    public Optional<String> problem(String model) {
        List<String> shortfalls = shortfalls();
        if (shortfalls.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(model + " does not fit the " + board.title() + " (" + board.name() + "): "
                + String.join("; ", shortfalls) + ".");
    }

    /**
     * @param model how to name the model in the message, e.g. its file
     * @throws IllegalArgumentException with {@link #problem(String)}'s line, if the network does not fit
     */
    public void require(String model) {
        Optional<String> problem = problem(model);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    private long heapBytes() {
        return program.hasHeap() ? board.harnessHeapSize() : 0;
    }
}
