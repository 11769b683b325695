package dev.hark.firmware.run;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.ProgramCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a network's firmware can fit a board, decided from its kernel program before any C is generated or
 * compiled. Flash must hold the network's constants (weights, biases, tables, the GRU layers' addition tables
 * included) and the program's code; RAM the network's arena, the buffer the network's input is gathered in (a clip's
 * features, or the listening engine's window of frames), the listening engine's front end, the listening harness's
 * sample buffer (the board's {@link BoardDescriptor#listenBufferSamples}), the program's and the C library's
 * other statics, the heap of a program with newlib's stdio and the stack. The code and the statics are lower
 * bounds measured on the built images ({@link #CODE_BYTES_AT_LEAST_HARNESS}, {@link #STATIC_BYTES_AT_LEAST_HARNESS} and
 * their kin), so a network
 * that fails here would certainly fail at the link, and the message says by how much, without a minute of compiling
 * first; one that passes may still fail there (the linker then names the region it overflowed). The kernel program
 * is the one the firmware will run, lowered with the code generator's planner ({@code CodeGenerator.lower},
 * {@code lowerStreaming}).
 *
 * @param board         the board
 * @param program       the firmware program to be built
 * @param constantBytes the network's constants, bound for flash ({@link ProgramCounts#constantBytes})
 * @param arenaBytes    the network's arena, bound for RAM
 * @param inputBytes    the network's input: the features of a clip, or the frames of a streaming step's window
 */
public record ModelFit(BoardDescriptor board, Program program, long constantBytes, long arenaBytes,
                       long inputBytes) {

    /**
     * The listening engine's state beside the window of frames ({@code hark_kws} less its {@code window}): the front
     * end's FFT buffers, its overlap and the engine's fields, 7,152 bytes on every 32-bit core (the front end's sizes
     * are fixed by its 512-point FFT).
     */
    public static final long ENGINE_STATE_BYTES = 7_152;

    /**
     * The least code a program's image carries besides the network's constants: kernels, front end, engine, start-up
     * and the C library. Measured with the distilled student (c2-h16-s6, portable kernels), each image less the
     * network's constants (its GRU tables included) and the front end's 4,024 bytes of tables: the clips' harness
     * 54,224 bytes on mps2-an386 and 62,264 on the micro:bit (newlib with stdio and semihosting is about 44 KB of it),
     * the lean firmware 13,516 and the listening harness 17,076 on mps2-an386. Rounded down, to stay below every core's.
     */
    public static final long CODE_BYTES_AT_LEAST_HARNESS = 40 * 1024;
    /** The listening programs' least code; see {@link #CODE_BYTES_AT_LEAST_HARNESS}. */
    public static final long CODE_BYTES_AT_LEAST_LISTENING = 12 * 1024;

    /**
     * The least RAM a program takes besides arena, input, engine, heap and stack. The clips' harness: newlib's
     * reentrancy data, allocator state and locale (2,460 bytes) and the start-up's command line (256); measured 3,026
     * in all on the micro:bit and on mps2-an386. The listening harness: its two 272-byte file buffers, its output's
     * temporary name (512), the command line and the chunk table (256 each), 1,568 measured. Rounded down.
     */
    public static final long STATIC_BYTES_AT_LEAST_HARNESS = 2_560;
    /** The listening harness's least statics; see {@link #STATIC_BYTES_AT_LEAST_HARNESS}. */
    public static final long STATIC_BYTES_AT_LEAST_LISTEN_HARNESS = 1_024;

    /** The fit of {@code network} (the kernel program the firmware will run) on {@code board}. */
    public static ModelFit of(KernelProgram network, BoardDescriptor board, Program program) {
        ProgramCounts counts = ProgramCounts.of(network);
        return new ModelFit(board, program, counts.constantBytes(), counts.arenaBytes(), network.input().size());
    }

    /** The least flash the program's image needs: constants and code. */
    public long flashBytes() {
        return constantBytes + codeBytes();
    }

    /** The least RAM the program needs: arena, input, engine, sample buffer, statics, heap and stack. */
    public long ramBytes() {
        return arenaBytes + inputBytes + engineBytes() + sampleBufferBytes() + staticBytes() + heapBytes()
                + board.stackSize();
    }

    /** What does not fit, each a clause naming the figures; empty when the network fits. */
    public List<String> shortfalls() {
        List<String> shortfalls = new ArrayList<>();
        if (flashBytes() > board.flash().size()) {
            shortfalls.add(String.format(Locale.ROOT, "the %s needs at least %,d bytes of flash (weights and tables"
                            + " %,d, code at least %,d) and the board has %,d",
                    program.goal(), flashBytes(), constantBytes, codeBytes(), board.flash().size()));
        }
        if (ramBytes() > board.ram().size()) {
            shortfalls.add(String.format(Locale.ROOT, "the %s needs at least %,d bytes of RAM (arena %,d, input"
                            + " %,d%s%s, other statics at least %,d%s, stack %,d) and the board has %,d", program.goal(),
                    ramBytes(), arenaBytes, inputBytes,
                    engineBytes() > 0 ? String.format(Locale.ROOT, ", listening engine %,d", engineBytes()) : "",
                    sampleBufferBytes() > 0 ? String.format(Locale.ROOT, ", sample buffer %,d (%,d samples)",
                            sampleBufferBytes(), board.listenBufferSamples()) : "",
                    staticBytes(),
                    heapBytes() > 0 ? String.format(Locale.ROOT, ", heap %,d", heapBytes()) : "",
                    board.stackSize(), board.ram().size()));
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

    private long codeBytes() {
        return program == Program.HARNESS ? CODE_BYTES_AT_LEAST_HARNESS : CODE_BYTES_AT_LEAST_LISTENING;
    }

    private long engineBytes() {
        return listens() ? ENGINE_STATE_BYTES : 0;
    }

    /** The listening harness's buffer the audio is read into, 16-bit samples ({@code hark_listen_main.c}). */
    private long sampleBufferBytes() {
        return program == Program.LISTEN_HARNESS ? board.listenBufferSamples() * Short.BYTES : 0;
    }

    private long staticBytes() {
        return switch (program) {
            case HARNESS -> STATIC_BYTES_AT_LEAST_HARNESS;
            case LISTEN_HARNESS -> STATIC_BYTES_AT_LEAST_LISTEN_HARNESS;
            default -> 0;
        };
    }

    /** The programs built around the listening engine (hark_kws). */
    private boolean listens() {
        return switch (program) {
            case LISTEN_HARNESS, LISTEN_BENCH, LISTEN_LEAN, PRODUCT -> true;
            default -> false;
        };
    }

    private long heapBytes() {
        return program.hasHeap() ? board.harnessHeapSize() : 0;
    }
}
