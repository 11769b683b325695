package dev.hark.pipeline.distill;

import dev.hark.trainer.model.CrnnConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models the distillation stage trains, kept as a table ({@code student-zoo.txt} beside this class): one line
 * per model with its name, its teacher and its shape; {@code #} starts a comment. Every shape not in the table
 * (frames, mel bins, classes) is {@link CrnnConfig}'s default.
 */
public final class StudentZoo {
    private static final String STANDARD = "student-zoo.txt";
    private static final int COLUMNS = 8;

    private StudentZoo() {
    }

    /** The standard zoo: the teacher, students down to the report's smallest, and a two-stage chain. */
    public static List<Student> standard() {
        try (InputStream in = StudentZoo.class.getResourceAsStream(STANDARD)) {
            if (in == null) {
                throw new IllegalStateException(STANDARD + " is missing from the pipeline's resources");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), STANDARD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The zoo's first model (the reference every other is compared with), the named models and, for each, the models
     * that teach it, in the zoo's order.
     *
     * @param names models of the zoo; empty for the whole zoo
     * @throws IllegalArgumentException naming a model that is not in the zoo, and the zoo's models
     */
    public static List<Student> select(List<Student> zoo, List<String> names) {
        if (names.isEmpty()) {
            return zoo;
        }
        Map<String, Student> byName = new LinkedHashMap<>();
        zoo.forEach(s -> byName.put(s.name(), s));
        Set<String> wanted = new HashSet<>(List.of(zoo.get(0).name()));
        for (String name : names) {
            Student student = byName.get(name);
            if (student == null) {
                throw new IllegalArgumentException("no model '" + name + "' in the student zoo; its models: "
                        + String.join(", ", byName.keySet()));
            }
            for (Student s = student; wanted.add(s.name()) && s.teacher().isPresent(); ) {
                s = byName.get(s.teacher().get());
            }
        }
        return zoo.stream().filter(s -> wanted.contains(s.name())).toList();
    }

    /**
     * Reads a zoo table.
     *
     * @param source names the table in error messages
     * @throws IllegalArgumentException naming the source and line when a line has not {@value #COLUMNS} columns,
     *                                  a number or pooling is malformed, a name repeats, a teacher is not an
     *                                  earlier model, the first model has a teacher, or the table is empty
     */
    public static List<Student> parse(String text, String source) {
        List<Student> zoo = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ": line " + (i + 1) + ": ";
            String[] c = line.split("\\s+");
            if (c.length != COLUMNS) {
                throw new IllegalArgumentException(where + COLUMNS + " columns expected, found " + c.length);
            }
            Optional<String> teacher = c[1].equals("-") ? Optional.empty() : Optional.of(c[1]);
            if (zoo.isEmpty() && teacher.isPresent()) {
                throw new IllegalArgumentException(where + "the first model is the table's reference and learns "
                        + "from the labels; its teacher must be -");
            }
            if (teacher.isPresent() && !names.contains(teacher.get())) {
                throw new IllegalArgumentException(where + "teacher '" + teacher.get() + "' is not an earlier model");
            }
            if (!names.add(c[0])) {
                throw new IllegalArgumentException(where + "model '" + c[0] + "' appears twice");
            }
            int channels = number(c[2], where + "channels");
            int[] kernel = pair(c[3], where + "kernel");
            int[] stride = pair(c[4], where + "stride");
            int hidden = number(c[5], where + "hidden");
            int layers = number(c[6], where + "layers");
            boolean attention = attention(c[7], where);
            CrnnConfig config;
            try {
                config = CrnnConfig.builder().optConvChannels(channels).optKernelTime(kernel[0])
                        .optKernelMel(kernel[1]).optStrideTime(stride[0]).optStrideMel(stride[1])
                        .optGruHidden(hidden).optGruLayers(layers).optAttention(attention).build();
            } catch (IllegalArgumentException e) { // a shape the network cannot have, e.g. a kernel wider than the input
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            zoo.add(new Student(c[0], config, teacher));
        }
        if (zoo.isEmpty()) {
            throw new IllegalArgumentException(source + ": no model");
        }
        return List.copyOf(zoo);
    }

    private static int[] pair(String text, String what) {
        String[] parts = text.split("x", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(what + " '" + text + "' is not time x mel, e.g. 20x5");
        }
        return new int[] {number(parts[0], what), number(parts[1], what)};
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number");
        }
    }

    private static boolean attention(String text, String where) {
        return switch (text) {
            case "attention" -> true;
            case "last" -> false;
            default -> throw new IllegalArgumentException(where + "pooling '" + text + "' is not attention or last");
        };
    }
}
