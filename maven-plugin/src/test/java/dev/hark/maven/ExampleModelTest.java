package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example projects' model ({@code src/it/*}{@code /model.hark}) is {@code RandomModels.tiny(}{@value #SEED}{@code
 * )}: a 30 x 12 CRNN with random weights, quantized by the real quantizer; the clips of {@code src/it/verify-on-qemu}
 * are {@code RandomModels.features(model, 3, }{@value #CLIP_SEED}{@code )}. After an intended change of the quantizer
 * or the model file format, run once with {@code -Dhark.regenerate=true} to rewrite them.
 */
@Fast
class ExampleModelTest {
    /** The seed of the example model; changing it changes the checked-in files. */
    static final long SEED = 20260301L;
    /** The seed of the example clips. */
    static final long CLIP_SEED = 20260302L;
    private static final List<Path> EXAMPLE_MODELS = List.of(Path.of("src/it/generate-and-size/model.hark"),
            Path.of("src/it/verify-on-qemu/model.hark"));
    private static final Path EXAMPLE_CLIPS = Path.of("src/it/verify-on-qemu/clips");

    @Test
    void theExampleModelsAreTheTinyRandomModel() throws IOException {
        byte[] expected = ModelFile.toBytes(RandomModels.tiny(SEED));
        for (Path file : EXAMPLE_MODELS) {
            assertSame(expected, file);
        }
    }

    @Test
    void theExampleClipsAreTheModelsRandomFeatures() throws IOException {
        QuantizedModel model = RandomModels.tiny(SEED);
        List<byte[]> clips = RandomModels.features(model, 3, CLIP_SEED);
        for (int i = 0; i < clips.size(); i++) {
            assertSame(clips.get(i), EXAMPLE_CLIPS.resolve("clip-" + i + ".features"));
        }
    }

    private static void assertSame(byte[] expected, Path file) throws IOException {
        if (Boolean.getBoolean("hark.regenerate")) {
            Files.write(file, expected);
        }
        assertArrayEquals(expected, Files.readAllBytes(file), file + " is not what " + ExampleModelTest.class
                .getSimpleName() + " makes; if the change is intended, run with -Dhark.regenerate=true");
    }
}
