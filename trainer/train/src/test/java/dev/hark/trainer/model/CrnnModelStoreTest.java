package dev.hark.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class CrnnModelStoreTest {
    private static final CrnnConfig CONFIG = CrnnConfig.builder().optGruHidden(12).optInputNormalization(14.5f, 4.6f)
            .build();
    private static final TensorQuant QUANT = new TensorQuant(0.125f, -128);

    @TempDir
    Path tmp;

    @Test
    void aSavedModelLoadsWithTheSameConfigAndOutputs() throws IOException {
        Path dir = tmp.resolve("model");
        float[] before;
        Map<String, float[]> parameters;
        float[] input = ramp(2 * CONFIG.featuresPerClip());
        try (Model model = CrnnModels.newModel(CONFIG, 5)) {
            before = logits(model, input);
            parameters = parameters(model);
            CrnnModelStore.save(model, QUANT, dir);
        }
        try (SavedCrnn saved = CrnnModelStore.load(dir)) {
            assertEquals(CONFIG, saved.config());
            assertEquals(QUANT, saved.inputQuant());
            Map<String, float[]> loaded = parameters(saved.model());
            assertEquals(parameters.keySet(), loaded.keySet());
            parameters.forEach((name, values) -> assertArrayEquals(values, loaded.get(name), 0f, name));
            // Bit-identical parameters, yet PyTorch may pick another kernel for freshly loaded tensors.
            assertArrayEquals(before, logits(saved.model(), input), 1e-5f);
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(1, siblings.count(), "no temporary directories are left behind");
        }
    }

    @Test
    void plainWeightsSaveAsAModelThatReadsBackAsThem() throws IOException {
        Path dir = tmp.resolve("model");
        CrnnWeights weights = RandomCrnnWeights.of(CONFIG, 4);
        CrnnModelStore.save(weights, QUANT, dir);
        try (SavedCrnn saved = CrnnModelStore.load(dir)) {
            assertEquals(CONFIG, saved.config());
            CrnnWeights back = saved.weights();
            for (String name : weights.names()) {
                // The input standardization is taken out of the convolution and folded in again, in floats.
                assertArrayEquals(weights.get(name), back.get(name), 1e-4f, name);
            }
        }
    }

    @Test
    void savingAgainReplacesTheModel() throws IOException {
        Path dir = tmp.resolve("model");
        try (Model first = CrnnModels.newModel(CONFIG, 1); Model second = CrnnModels.newModel(CONFIG, 2)) {
            CrnnModelStore.save(first, QUANT, dir);
            CrnnModelStore.save(second, QUANT, dir);
            float[] input = ramp(CONFIG.featuresPerClip());
            try (SavedCrnn saved = CrnnModelStore.load(dir)) {
                assertArrayEquals(logits(second, input), logits(saved.model(), input), 1e-5f);
            }
        }
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(1, siblings.count());
        }
    }

    @Test
    void refusesToReplaceADirectoryThatIsNotAModel() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        try (Model model = CrnnModels.newModel(CONFIG, 1)) {
            IOException e = assertThrows(IOException.class, () -> CrnnModelStore.save(model, QUANT, dir));
            assertTrue(e.getMessage().contains("precious"), e.getMessage());
        }
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
    }

    @Test
    void loadingNamesTheMissingOrBrokenFile() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> CrnnModelStore.load(tmp.resolve("nothing")));
        assertTrue(missing.getMessage().contains(CrnnModelStore.PROPERTIES_FILE), missing.getMessage());

        Path dir = tmp.resolve("model");
        try (Model model = CrnnModels.newModel(CONFIG, 1)) {
            CrnnModelStore.save(model, QUANT, dir);
        }
        Path props = dir.resolve(CrnnModelStore.PROPERTIES_FILE);
        Files.writeString(props, Files.readString(props).replace("crnn.gruHidden=12", "crnn.gruHidden=x"));
        IOException bad = assertThrows(IOException.class, () -> CrnnModelStore.load(dir));
        assertTrue(bad.getMessage().contains("crnn.gruHidden"), bad.getMessage());

        Files.writeString(props, Files.readString(props).replace("crnn.gruHidden=x", "crnn.gruHidden=12"));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".params")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        IOException truncated = assertThrows(IOException.class, () -> CrnnModelStore.load(dir));
        assertTrue(truncated.getMessage().contains(dir.toString()), truncated.getMessage());
    }

    @Test
    void aFlippedBitInTheParametersIsAChecksumMismatch() throws IOException {
        Path dir = tmp.resolve("flipped");
        try (Model model = CrnnModels.newModel(CONFIG, 1)) {
            CrnnModelStore.save(model, QUANT, dir);
        }
        Path params;
        try (Stream<Path> files = Files.list(dir)) {
            params = files.filter(f -> f.getFileName().toString().endsWith(".params")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 10] ^= 0x08; // inside a weight: DJL alone would load this without complaint
        Files.write(params, bytes);
        IOException e = assertThrows(IOException.class, () -> CrnnModelStore.load(dir));
        assertEquals(params + ": checksum mismatch: the parameter file is corrupted or truncated", e.getMessage());
    }

    private static float[] logits(Model model, float[] input) {
        NDManager m = model.getNDManager();
        int batch = input.length / CONFIG.featuresPerClip();
        try (NDManager scope = m.newSubManager()) {
            NDList out = model.getBlock().forward(new ParameterStore(scope, false),
                    new NDList(scope.create(input, new Shape(batch, CONFIG.frames(), CONFIG.mels()))), false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    private static Map<String, float[]> parameters(Model model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        model.getBlock().getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (i * 7 % 255) / 8f;
        }
        return v;
    }
}
