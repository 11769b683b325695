package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated C for a small fixed model must equal the checked-in files under
 * {@code src/test/resources/golden/}. After an intended change to the generator, run once with
 * {@code -Dhark.regenerate=true} to rewrite them, and review the diff.
 */
@Fast
class GoldenFilesTest {
    /** The seed of the golden model; changing it changes every golden file. */
    static final long GOLDEN_SEED = 20260101L;
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void generatedSourcesMatchTheGoldenFiles() throws IOException {
        QuantizedModel model = RandomModels.tiny(GOLDEN_SEED);
        Map<String, String> files = CodeGenerator.render(CodeGenerator.build(model, new CodegenConfig()));
        if (Boolean.getBoolean("hark.regenerate")) {
            regenerate(files);
        }
        assertEquals(new TreeSet<>(files.keySet()), goldenNames(), "generated file names");
        for (Map.Entry<String, String> file : files.entrySet()) {
            String expected = Files.readString(GOLDEN.resolve(file.getKey()), StandardCharsets.UTF_8);
            assertEquals(expected, file.getValue(), file.getKey() + " differs from its golden file; if the change is"
                    + " intended, run with -Dhark.regenerate=true and review the diff");
        }
    }

    @Test
    void generatingTwiceGivesTheSameText() {
        QuantizedModel model = RandomModels.tiny(GOLDEN_SEED);
        assertEquals(CodeGenerator.render(CodeGenerator.build(model, new CodegenConfig())),
                CodeGenerator.render(CodeGenerator.build(RandomModels.tiny(GOLDEN_SEED), new CodegenConfig())));
    }

    private static void regenerate(Map<String, String> files) throws IOException {
        Files.createDirectories(GOLDEN);
        for (String stale : goldenNames()) {
            if (!files.containsKey(stale)) {
                Files.delete(GOLDEN.resolve(stale));
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(GOLDEN.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static TreeSet<String> goldenNames() throws IOException {
        try (Stream<Path> list = Files.list(GOLDEN)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c") || n.endsWith(".h"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
