package dev.hark.firmware.board;

import dev.hark.firmware.FirmwareTemplate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The boards of the firmware template: one per folder {@code boards/<name>/} holding a {@value
 * BoardDescriptor#FILE_NAME}. Adding a board is adding a folder.
 */
public final class Boards {
    private static final String PREFIX = "boards/";
    private static final String SUFFIX = "/" + BoardDescriptor.FILE_NAME;

    /** The cores in the order of their architectures; a board's place in {@link #all()} follows its core. */
    private static final List<String> CPU_ORDER = List.of("cortex-m0", "cortex-m0plus", "cortex-m3", "cortex-m4",
            "cortex-m7", "cortex-m23", "cortex-m33", "cortex-m55", "cortex-m85");

    private static volatile List<BoardDescriptor> all;

    private Boards() {
    }

    /**
     * Every board, by the architecture of its core (M0, M3, M4, M7, M33, M55), then by name.
     *
     * @throws IllegalArgumentException if a descriptor is incomplete or malformed (a defect of the template)
     */
    public static List<BoardDescriptor> all() {
        List<BoardDescriptor> boards = all;
        if (boards == null) {
            boards = FirmwareTemplate.files().stream()
                    .filter(file -> file.startsWith(PREFIX) && file.endsWith(SUFFIX))
                    .map(file -> BoardDescriptor.parse(file.substring(PREFIX.length(), file.length() - SUFFIX.length()),
                            FirmwareTemplate.readText(file), "firmware template " + file))
                    .sorted(Comparator.comparingInt((BoardDescriptor b) -> cpuRank(b.cpu()))
                            .thenComparing(BoardDescriptor::name))
                    .toList();
            all = boards;
        }
        return boards;
    }

    /** The board named {@code name} (its folder's name), if there is one. */
    public static Optional<BoardDescriptor> named(String name) {
        return all().stream().filter(board -> board.name().equals(name)).findFirst();
    }

    private static int cpuRank(String cpu) {
        int rank = CPU_ORDER.indexOf(cpu);
        return rank < 0 ? CPU_ORDER.size() : rank;
    }
}
