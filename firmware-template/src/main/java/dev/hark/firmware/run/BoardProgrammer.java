package dev.hark.firmware.run;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a firmware image into a real board's flash with OpenOCD, through the debug probe its descriptor names
 * ({@code board.openocd}): {@code openocd -f <config>... -c "program <image> verify reset exit"}, which erases what
 * the image needs, writes it, reads it back to compare, and restarts the board.
 */
public final class BoardProgrammer {
    /** Erasing and writing a megabyte of flash over SWD takes seconds; a hung probe must not hang hark. */
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};

    private BoardProgrammer() {
    }

    /**
     * The OpenOCD command line that programs {@code image} into {@code board}.
     *
     * @throws IllegalArgumentException if the board names no OpenOCD configuration, or the image's path cannot be
     *                                  passed to OpenOCD's command language (it holds a brace)
     */
    public static List<String> command(BoardDescriptor board, Path image) {
        requireProgrammable(board);
        String path = image.toAbsolutePath().normalize().toString();
        if (path.contains("{") || path.contains("}")) {
            throw new IllegalArgumentException(image + ": OpenOCD cannot take a path with braces; move the image");
        }
        List<String> command = new ArrayList<>(List.of("openocd"));
        for (String config : board.openocdConfigs()) {
            command.add("-f");
            command.add(config);
        }
        command.add("-c");
        // Braces quote the path for OpenOCD's Tcl, spaces included.
        command.add("program {" + path + "} verify reset exit");
        return List.copyOf(command);
    }

    /**
     * @throws IllegalArgumentException if the board names no OpenOCD configuration, saying where it runs instead
     */
    public static void requireProgrammable(BoardDescriptor board) {
        if (board.openocdConfigs().isEmpty()) {
            throw new IllegalArgumentException(board.name() + " names no OpenOCD configuration (board.openocd in its"
                    + " descriptor), so hark cannot program it" + board.qemuMachine().map(machine -> "; it runs"
                    + " under QEMU (qemu-system-arm -M " + machine + ")").orElse(""));
        }
    }

    /**
     * Checks that {@code image} is an ELF file, then programs it.
     *
     * @param log where OpenOCD's output goes
     * @throws IllegalArgumentException as {@link #command}, or if the image is not an ELF file
     * @throws MissingToolException     if OpenOCD is not installed
     * @throws FirmwareRunException     if OpenOCD fails (no probe, no board, a verify error), with its first error line
     */
    public static void program(BoardDescriptor board, Path image, Path log) throws FirmwareRunException {
        List<String> command = command(board, image);
        requireElf(image);
        Tools.require("openocd", "to program " + board.name());
        ProcessRunner.Finished finished = Tools.run(command, image.toAbsolutePath().getParent(), log, TIMEOUT);
        if (finished.exitCode() != 0) {
            throw new FirmwareRunException("openocd could not program the " + board.title() + ": "
                    + firstError(finished.output()) + " (is the board connected? OpenOCD's output: " + log + ")");
        }
    }

    /**
     * @throws IllegalArgumentException naming the file, if it is missing or not an ELF image
     */
    public static void requireElf(Path image) {
        byte[] head;
        try (InputStream in = Files.newInputStream(image)) {
            head = in.readNBytes(ELF_MAGIC.length);
        } catch (IOException e) {
            throw new IllegalArgumentException(image + ": cannot read the image (" + e.getMessage() + ")");
        }
        if (!Arrays.equals(head, ELF_MAGIC)) {
            throw new IllegalArgumentException(image + ": not an ELF image (hark builds boards' firmware as .elf)");
        }
    }

    /** OpenOCD's first "Error:" line, or its last line. */
    static String firstError(String output) {
        return output.lines().filter(line -> line.startsWith("Error:")).findFirst()
                .orElseGet(() -> output.lines().reduce((first, second) -> second).orElse("no output")).strip();
    }
}
