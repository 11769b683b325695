package dev.hark.firmware.run;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.List;

/**
 * Where the firmware runs: natively on the build machine, or on a board of the firmware template
 * ({@code boards/<name>/}, described by its {@link BoardDescriptor}), cross-compiled with arm-none-eabi-gcc and, when
 * QEMU emulates it, run under QEMU. As in the Makefile, a target's name is {@code host} or the board folder's.
 */
public final class Target {
    private static final String HOST_NAME = "host";

    /** The host's gcc; the harness runs as a normal program. */
    public static final Target HOST = new Target(HOST_NAME, Optional.empty());
    /**
     * Arm MPS2 AN386 (Cortex-M4F) under {@code qemu-system-arm -M mps2-an386}, with semihosting for file IO: the board
     * hark verifies on by default.
     */
    public static final Target MPS2_AN386 = named("mps2-an386");

    private final String makeName;
    private final Optional<BoardDescriptor> board;

    private Target(String makeName, Optional<BoardDescriptor> board) {
        this.makeName = makeName;
        this.board = board;
    }

    /**
     * The target named {@code name}: {@code host} or a board's folder name; upper case and underscores are read as
     * the folder's lower case and hyphens ({@code MPS2_AN386} is {@code mps2-an386}).
     *
     * @throws IllegalArgumentException naming the value and the known targets, if there is no such target
     */
    public static Target named(String name) {
        String folder = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (folder.equals(HOST_NAME)) {
            return HOST;
        }
        return Boards.named(folder).map(board -> new Target(board.name(), Optional.of(board)))
                .orElseThrow(() -> new IllegalArgumentException("unknown target '" + name.strip() + "': expected "
                        + String.join(", ", names())));
    }

    /** In a list of targets, the name that stands for every board QEMU emulates ({@link #boards()}). */
    public static final String ALL_EMULATED = "all-qemu";

    /**
     * The targets a comma-separated list names, in its order and each once: {@code host}, boards by their folder
     * names (as {@link #named}) and {@value #ALL_EMULATED} for every board QEMU emulates.
     *
     * @throws IllegalArgumentException naming the value and the known names, if one names no target
     */
    public static List<Target> selected(List<String> names) {
        LinkedHashSet<Target> selected = new LinkedHashSet<>();
        for (String name : names) {
            if (name.strip().equalsIgnoreCase(ALL_EMULATED)) {
                selected.addAll(boards());
            } else {
                selected.add(named(name));
            }
        }
        return List.copyOf(selected);
    }

    /** The host, then every board, in {@link Boards#all()}'s order. */
    public static List<Target> all() {
        List<Target> all = new ArrayList<>();
        all.add(HOST);
        for (BoardDescriptor board : Boards.all()) {
            all.add(new Target(board.name(), Optional.of(board)));
        }
        return List.copyOf(all);
    }

    /** The names of {@link #all()}. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(HOST_NAME);
        Boards.all().forEach(board -> names.add(board.name()));
        return names;
    }

    /** The board's descriptor; empty for the host. */
    public Optional<BoardDescriptor> board() {
        return board;
    }

    /** The processor the target runs on, e.g. {@code Cortex-M4F}; the build machine's for the host. */
    public String core() {
        return board.map(BoardDescriptor::core).orElse("the build machine");
    }

    /** The boards QEMU emulates, in the order of their cores' architecture (M0, M3, M4, M7, M33, M55). */
    public static List<Target> boards() {
        return all().stream().filter(Target::isEmulated).toList();
    }

    /** The Makefile's {@code TARGET} value: {@code host} or the board's folder name. */
    public String makeName() {
        return makeName;
    }

    /** The C compiler the Makefile uses for this target. */
    public String compiler() {
        return board.isPresent() ? "arm-none-eabi-gcc" : "gcc";
    }

    /** The file name of {@code program}'s executable in the build directory (the Makefile names board ones .elf). */
    public String executableFile(Program program) {
        return program.baseName() + (board.isPresent() ? ".elf" : "");
    }

    /** True for a board QEMU emulates: its binaries run here, under QEMU. */
    public boolean isEmulated() {
        return board.map(BoardDescriptor::isEmulated).orElse(false);
    }

    /** True for the build machine. */
    public boolean isHost() {
        return board.isEmpty();
    }

    /** Programs the build needs, in the order they are checked: make, the Makefile's C compiler, the size tool. */
    List<String> buildTools() {
        return isHost() ? List.of("make", compiler()) : List.of("make", compiler(), "arm-none-eabi-size");
    }

    /**
     * The command that runs {@code executable} without arguments, so that it reads and writes its default files
     * ({@code hark_in.bin} and {@code hark_out.bin} for the harness) in its working directory; under QEMU those
     * paths reach the host through semihosting, relative to QEMU's working directory. QEMU exits with
     * {@code main}'s return value.
     */
    List<String> runCommand(Path executable) {
        if (isHost()) {
            return List.of(executable.toString());
        }
        return List.of("qemu-system-arm", "-M", qemuMachine(), "-nographic", "-semihosting", "-kernel",
                executable.toString());
    }

    /**
     * The command that runs a benchmark program with {@code arguments}: natively on the host (where it counts
     * nothing), or under QEMU with {@code -icount shift=0}, so that the virtual clock, and with it the board's timer,
     * advances by exactly one nanosecond per guest instruction; the arguments reach the program as its semihosting
     * command line.
     */
    List<String> benchmarkCommand(Path executable, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (isHost()) {
            command.add(executable.toString());
            command.addAll(arguments);
            return command;
        }
        StringBuilder semihosting = new StringBuilder("enable=on,target=native,arg=").append(executable.getFileName());
        for (String argument : arguments) {
            semihosting.append(",arg=").append(argument);
        }
        command.addAll(List.of("qemu-system-arm", "-M", qemuMachine(), "-nographic", "-icount", "shift=0",
                "-semihosting-config", semihosting.toString(), "-kernel", executable.toString()));
        return command;
    }

    /**
     * The command that runs the lean firmware of a board: no semihosting; it prints on the board's UART (QEMU's
     * stdout) and ends with a reset request, which {@code -no-reboot} turns into QEMU's exit. With
     * {@code -icount shift=0}, as the benchmarks, so that its counter counts instructions.
     *
     * @throws IllegalArgumentException on the host, which has no lean firmware
     */
    List<String> leanCommand(Path executable) {
        if (isHost()) {
            throw new IllegalArgumentException("the lean listening firmware runs on a board, not on " + makeName);
        }
        return List.of("qemu-system-arm", "-M", qemuMachine(), "-nographic", "-no-reboot", "-icount", "shift=0",
                "-kernel", executable.toString());
    }

    /** QEMU's machine for this board; fails for a target QEMU does not emulate. */
    private String qemuMachine() {
        return board.flatMap(BoardDescriptor::qemuMachine).orElseThrow(() -> new IllegalArgumentException(
                makeName + " is not emulated by QEMU: its firmware runs only on the "
                        + (isHost() ? "build machine" : "real board")));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target target && target.makeName.equals(makeName);
    }

    @Override
    public int hashCode() {
        return makeName.hashCode();
    }

    /** The target's name, as {@link #makeName()}. */
    @Override
    public String toString() {
        return makeName;
    }

    /** Programs the harness run needs. */
    List<String> runTools() {
        return isHost() ? List.of() : List.of("qemu-system-arm");
    }
}
