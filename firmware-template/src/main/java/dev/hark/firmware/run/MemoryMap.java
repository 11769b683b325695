package dev.hark.firmware.run;

import dev.hark.firmware.board.MemoryRegion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash and RAM by component, from the GNU linker's map of a board image ({@code -Wl,-Map}): every input section of
 * the image is put down to the component whose file it came from, so the components add up to the image's size
 * ({@code arm-none-eabi-size}: flash = text + data, RAM = data + bss).
 */
public record MemoryMap(Map<Component, Usage> components) {

    /** The parts of a firmware image, by where their code and data come from. */
    public enum Component {
        WEIGHTS("weights (generated)"),
        FRONTEND_TABLES("front-end tables (generated)"),
        NETWORK("network code (generated)"),
        KERNELS("kernels"),
        FRONT_END("front end"),
        LISTENING_ENGINE("listening engine"),
        AUDIO("audio"),
        PROGRAM("program (harness or main)"),
        STARTUP("start-up and board"),
        C_LIBRARY("C library"),
        HEAP("heap (stdio buffers)"),
        ALIGNMENT("alignment");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Bytes of flash and of RAM. */
    public record Usage(long flash, long ram) {
        Usage plus(long moreFlash, long moreRam) {
            return new Usage(flash + moreFlash, ram + moreRam);
        }
    }

    /** Output sections that are not loaded: the linker's bookkeeping and debug information. */
    private static final Pattern NOT_LOADED = Pattern.compile("\\.(comment|ARM\\.attributes|debug\\w*|stab\\w*)");
    /** Output sections that take RAM only: zeroed or reserved at start-up, nothing of them is in flash. */
    private static final List<String> RAM_ONLY = List.of(".bss", ".heap", ".noinit", ".stack");
    private static final Pattern OUTPUT_SECTION = Pattern.compile("^(\\.\\S+)\\s+0x([0-9a-f]+)\\s+0x([0-9a-f]+).*$");
    private static final Pattern OUTPUT_NAME_ALONE = Pattern.compile("^(\\.\\S+)\\s*$");
    /** An address and a size, then the input file (none for padding, nor for an output section's own line). */
    private static final Pattern PLACEMENT =
            Pattern.compile("^\\s*0x([0-9a-f]+)\\s+0x([0-9a-f]+)(?:\\s+(\\S.*?))?\\s*$");
    private static final Pattern INPUT_SECTION = Pattern.compile("^ (\\.\\S+|COMMON|\\*fill\\*)(\\s+.*)?$");

    public MemoryMap {
        components = Collections.unmodifiableMap(new EnumMap<>(components));
    }

    /**
     * Reads a linker map.
     *
     * @param ram the board's RAM: an output section placed there takes RAM, and flash too unless it is zeroed or
     *            reserved ({@code .bss}, {@code .heap})
     * @throws IllegalArgumentException if the text is not a GNU linker map
     */
    public static MemoryMap parse(String map, MemoryRegion ram) {
        int start = map.indexOf("Linker script and memory map");
        if (start < 0) {
            throw new IllegalArgumentException("not a GNU linker map: no 'Linker script and memory map' section");
        }
        Map<Component, Usage> usage = new EnumMap<>(Component.class);
        List<String> lines = map.substring(start).lines().toList();
        Section section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher output = OUTPUT_SECTION.matcher(line);
            Matcher outputAlone = OUTPUT_NAME_ALONE.matcher(line);
            boolean nameAlone = outputAlone.matches() && i + 1 < lines.size();
            if (nameAlone && PLACEMENT.matcher(lines.get(i + 1)).matches()) {
                output = OUTPUT_SECTION.matcher(line + " " + lines.get(i + 1).stripLeading());
            }
            if (output.matches()) {
                finish(section, usage);
                section = Section.of(output.group(1), Long.parseLong(output.group(2), 16),
                        Long.parseLong(output.group(3), 16), ram);
                continue;
            }
            Matcher input = INPUT_SECTION.matcher(line);
            if (section == null || !section.counted() || !input.matches()) {
                continue;
            }
            String placement = input.group(2) != null && !input.group(2).isBlank() ? input.group(2)
                    : i + 1 < lines.size() ? lines.get(i + 1) : "";
            Matcher where = PLACEMENT.matcher(placement);
            boolean fill = input.group(1).equals("*fill*");
            if (where.matches() && (fill || where.group(3) != null)) {
                section.place(Long.parseLong(where.group(1), 16), Long.parseLong(where.group(2), 16),
                        fill ? section.reserved() : componentOf(where.group(3)));
            }
        }
        finish(section, usage);
        return new MemoryMap(usage);
    }

    private static void finish(Section section, Map<Component, Usage> usage) {
        if (section == null || !section.counted()) {
            return;
        }
        section.byComponent().forEach((component, bytes) -> usage.merge(component,
                new Usage(section.inFlash ? bytes : 0, section.inRam ? bytes : 0),
                (a, b) -> a.plus(b.flash(), b.ram())));
    }

    /** The firmware template's folders and what they hold; a file belongs to the nearest one above it. */
    private static final Map<String, Component> TEMPLATE_FOLDERS = Map.of(
            "hark-frontend", Component.FRONT_END,
            "hark-kws", Component.LISTENING_ENGINE,
            "hark-audio", Component.AUDIO,
            "hark-kernels", Component.KERNELS,
            "cmsis-nn-portable", Component.KERNELS,
            "boards", Component.STARTUP,
            "harness", Component.PROGRAM,
            "product", Component.PROGRAM,
            "test", Component.PROGRAM);

    /**
     * The component of an input file: a generated file by its name, a library member as the C library, and a
     * template file by the nearest template folder above it (so a build directory that happens to be called
     * {@code harness} or {@code test} does not count); anything else, e.g. a CMSIS-NN checkout's sources, is kernels.
     */
    static Component componentOf(String file) {
        String path = file.replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.startsWith("hark_model_data.")) {
            return Component.WEIGHTS;
        }
        if (name.startsWith("hark_frontend_tables.")) {
            return Component.FRONTEND_TABLES;
        }
        if (name.startsWith("hark_network.")) {
            return Component.NETWORK;
        }
        if (path.contains(".a(") || path.endsWith(".a")) {
            return Component.C_LIBRARY;
        }
        String[] folders = path.split("/");
        for (int i = folders.length - 2; i >= 0; i--) {
            Component component = TEMPLATE_FOLDERS.get(folders[i]);
            if (component != null) {
                return component;
            }
        }
        return Component.KERNELS;
    }

    /** Total flash. */
    public long flash() {
        return components.values().stream().mapToLong(Usage::flash).sum();
    }

    /** Total RAM (without the stack, which is no section). */
    public long ram() {
        return components.values().stream().mapToLong(Usage::ram).sum();
    }

    /** One line per component with bytes of flash and RAM, largest flash first. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-30s %9s %9s", "component", "flash", "RAM"));
        components.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().flash() + b.getValue().ram(),
                        a.getValue().flash() + a.getValue().ram()))
                .forEach(e -> lines.add(String.format(Locale.ROOT, "%-30s %,9d %,9d", e.getKey().label(),
                        e.getValue().flash(), e.getValue().ram())));
        lines.add(String.format(Locale.ROOT, "%-30s %,9d %,9d", "total", flash(), ram()));
        return lines;
    }

    /** An input section's place: its address, its size and whose it is. */
    private record Placement(long address, long size, Component component) {
    }

    /** An output section being read: where it lives and what its input sections add up to. */
    private static final class Section {
        final String name;
        final long size;
        final boolean inFlash;
        final boolean inRam;
        private final List<Placement> placements = new ArrayList<>();

        private Section(String name, long size, boolean inFlash, boolean inRam) {
            this.name = name;
            this.size = size;
            this.inFlash = inFlash;
            this.inRam = inRam;
        }

        static Section of(String name, long address, long size, MemoryRegion ram) {
            if (NOT_LOADED.matcher(name).matches() || size == 0) {
                return new Section(name, size, false, false);
            }
            boolean inRam = address >= ram.origin() && address < ram.origin() + ram.size();
            return new Section(name, size, !inRam || !RAM_ONLY.contains(name), inRam);
        }

        boolean counted() {
            return inFlash || inRam;
        }

        /** Whose the section's gaps are: the heap's in the heap, padding elsewhere. */
        Component reserved() {
            return name.equals(".heap") ? Component.HEAP : Component.ALIGNMENT;
        }

        void place(long address, long bytes, Component component) {
            placements.add(new Placement(address, bytes, component));
        }

        /**
         * Each byte of the section put down to the first input section placed over it, by address: merged string
         * sections are listed at their size before merging and overlap their neighbours, so sizes alone would count
         * bytes twice. What no input section covers is {@link #reserved()}.
         */
        Map<Component, Long> byComponent() {
            Map<Component, Long> bytes = new EnumMap<>(Component.class);
            long covered = 0;
            long end = Long.MIN_VALUE;
            List<Placement> ordered = new ArrayList<>(placements);
            ordered.sort((a, b) -> Long.compare(a.address(), b.address()));
            for (Placement placement : ordered) {
                long start = Math.max(placement.address(), end);
                long stop = placement.address() + placement.size();
                if (stop > start) {
                    bytes.merge(placement.component(), stop - start, Long::sum);
                    covered += stop - start;
                    end = stop;
                }
            }
            if (size > covered) {
                bytes.merge(reserved(), size - covered, Long::sum);
            }
            return bytes;
        }
    }
}
