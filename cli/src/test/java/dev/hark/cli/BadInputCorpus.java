package dev.hark.cli;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.ModelFileBytes;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.trainer.model.CrnnConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The bad-input corpus: {@code src/test/resources/bad-input/<case>/case.properties}, each a command line, its exit
 * code and its one-line message, with the files it reads. Files are either kept in the case's folder (copied as
 * they are) or made from a recipe ({@code file.<path>=<recipe>}), so that binary inputs stay readable in review and
 * a header that claims gigabytes needs no gigabytes. Recipes are a base and edits, separated by {@code |}:
 *
 * <ul>
 *   <li>{@code model tiny|listening|evaluate|last-step}: a valid model file of {@link RandomModels} (the tiny CRNN,
 *       one that listens on the 40-bin front end, a small one for {@code evaluate}, one without attention);</li>
 *   <li>{@code wav [rate=16000] [channels=1] [bits=16] [format=1] [frames=16000]}: a canonical 44-byte-header WAV
 *       of a tone, in any encoding the header can declare;</li>
 *   <li>{@code text <content>}, {@code dir} (a folder, where a file is expected);</li>
 *   <li>edits: {@code truncate N} (keep N bytes; negative: drop the last -N), {@code flip O} (invert the byte at O;
 *       negative: from the end), {@code u32 O V} (a little-endian 32-bit value at O), {@code json A => B} (replace
 *       text A by B in a model's JSON header, moving the data section after it), {@code reseal} (a model file's
 *       SHA-256 recomputed, so the edit reaches the checks behind the checksum).</li>
 * </ul>
 *
 * <p>In the command line and the message, {@code ${case}} is the folder the case's files are put in and {@code ${tmp}}
 * an empty folder for outputs; in the message, {@code ...} stands for any text. {@code path=<tool>,<tool>} runs the
 * command as a separate process with a {@code PATH} that holds only those programs.
 */
record BadInputCorpus(String name, String description, List<String> command, int exitCode, String message,
                      Map<String, String> recipes, List<String> pathTools) {
    static final String RESOURCE = "/bad-input";

    static List<BadInputCorpus> all() throws IOException {
        Path root = root();
        List<BadInputCorpus> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                cases.add(read(dir));
            }
        }
        return cases;
    }

    static Path root() {
        try {
            return Path.of(BadInputCorpus.class.getResource(RESOURCE).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadInputCorpus read(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("case.properties"))) {
            p.load(reader);
        }
        Map<String, String> recipes = new TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("file.")).forEach(k ->
                recipes.put(k.substring("file.".length()), p.getProperty(k)));
        String path = p.getProperty("path");
        return new BadInputCorpus(dir.getFileName().toString(), required(p, dir, "description"),
                Arrays.asList(required(p, dir, "command").trim().split("\\s+")),
                Integer.parseInt(required(p, dir, "exit")), required(p, dir, "message"), recipes,
                path == null ? null : List.of(path.split(",")));
    }

    private static String required(Properties p, Path dir, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(dir + "/case.properties: no " + key);
        }
        return value;
    }

    /** Puts the case's files into {@code into}: the folder's own files, then those made from recipes. */
    void materialize(Path into) throws IOException {
        Path source = root().resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("case.properties")) {
                    Path target = into.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        for (Map.Entry<String, String> recipe : recipes.entrySet()) {
            Path target = into.resolve(recipe.getKey());
            Files.createDirectories(target.getParent());
            if (recipe.getValue().strip().equals("dir")) {
                Files.createDirectories(target);
            } else {
                Files.write(target, make(recipe.getValue()));
            }
        }
    }

    List<String> args(Path caseDir, Path tmp) {
        return command.stream().map(a -> expand(a, caseDir, tmp)).toList();
    }

    /** The expected message as a pattern: placeholders expanded, {@code ...} any text. */
    Pattern messagePattern(Path caseDir, Path tmp) {
        String[] parts = expand(message, caseDir, tmp).split("\\.\\.\\.", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static String expand(String text, Path caseDir, Path tmp) {
        return text.replace("${case}", caseDir.toString()).replace("${tmp}", tmp.toString());
    }

    private static final Map<String, byte[]> MODELS = new ConcurrentHashMap<>();

    static byte[] make(String recipe) {
        String[] steps = recipe.split("\\s*\\|\\s*");
        byte[] bytes = base(steps[0].strip());
        for (int i = 1; i < steps.length; i++) {
            bytes = edit(bytes, steps[i].strip(), recipe);
        }
        return bytes;
    }

    private static byte[] base(String step) {
        String[] words = step.split("\\s+", 2);
        return switch (words[0]) {
            case "model" -> MODELS.computeIfAbsent(words[1], kind -> ModelFile.toBytes(model(kind))).clone();
            case "wav" -> wav(words.length > 1 ? words[1] : "");
            case "text" -> (words.length > 1 ? words[1] : "").getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("unknown recipe base: " + step);
        };
    }

    private static QuantizedModel model(String kind) {
        return switch (kind) {
            case "tiny" -> RandomModels.tiny(1);
            case "listening" -> RandomModels.listening(31);
            case "evaluate" -> RandomModels.create(CrnnConfig.builder().optConvChannels(2).optGruHidden(8)
                    .optGruLayers(1).build(), 4, Rounding.DOUBLE);
            case "last-step" -> RandomModels.create(CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(2)
                    .optKernelTime(6).optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(1)
                    .optAttention(false).build(), 5, Rounding.DOUBLE);
            default -> throw new IllegalArgumentException("unknown model recipe: " + kind);
        };
    }

    /** A canonical WAV of a 440 Hz tone in the encoding the fields declare (the header says what the data is). */
    private static byte[] wav(String fields) {
        Map<String, Integer> f = new TreeMap<>(Map.of("rate", 16000, "channels", 1, "bits", 16, "format", 1,
                "frames", 16000));
        for (String field : fields.split("\\s+")) {
            if (!field.isEmpty()) {
                String[] kv = field.split("=");
                f.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        int bytesPerSample = (f.get("bits") + 7) / 8;
        int blockAlign = f.get("channels") * bytesPerSample;
        int dataBytes = f.get("frames") * blockAlign;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort(f.get("format").shortValue()).putShort(f.get("channels").shortValue())
                .putInt(f.get("rate")).putInt(f.get("rate") * blockAlign).putShort((short) blockAlign)
                .putShort(f.get("bits").shortValue());
        b.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < dataBytes; i++) {
            // The tone's 16-bit samples, byte after byte; any sample size gets a plausible pattern.
            short sample = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i / 2) / 16000.0));
            b.put((byte) (i % 2 == 0 ? sample : sample >> 8));
        }
        return b.array();
    }

    private static byte[] edit(byte[] bytes, String step, String recipe) {
        String[] words = step.split("\\s+", 2);
        String arg = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "truncate" -> {
                int n = Integer.parseInt(arg);
                return Arrays.copyOf(bytes, n >= 0 ? n : bytes.length + n);
            }
            case "flip" -> {
                int at = Integer.parseInt(arg);
                byte[] out = bytes.clone();
                out[at >= 0 ? at : bytes.length + at] ^= (byte) 0xFF;
                return out;
            }
            case "u32" -> {
                String[] ov = arg.split("\\s+");
                byte[] out = bytes.clone();
                ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.parseInt(ov[0]),
                        (int) Long.parseLong(ov[1]));
                return out;
            }
            case "json" -> {
                String[] ab = arg.split("\\s*=>\\s*", 2);
                return ModelFileBytes.replaceInHeader(bytes, ab[0], ab.length > 1 ? ab[1] : "");
            }
            case "reseal" -> {
                return ModelFileBytes.reseal(bytes);
            }
            default -> throw new IllegalArgumentException("unknown recipe step '" + step + "' in " + recipe);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
