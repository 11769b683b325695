package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The example project's model ({@code src/it/generate-and-size/model.hark}) is {@code RandomModels.tiny(}{@value
 * #SEED}{@code )}: a 30 x 12 CRNN with random weights, quantized by the real quantizer. After an intended change of
 * the quantizer or the model file format, run once with {@code -Dhark.regenerate=true} to rewrite it.
 */
@Fast
class ExampleModelTest {
    /** The seed of the example model; changing it changes the checked-in file. */
    static final long SEED = 20260301L;
    private static final Path EXAMPLE_MODEL = Path.of("src/it/generate-and-size/model.hark");

    @Test
    void theExampleModelIsTheTinyRandomModel() throws IOException {
        byte[] expected = ModelFile.toBytes(RandomModels.tiny(SEED));
        if (Boolean.getBoolean("hark.regenerate")) {
            Files.write(EXAMPLE_MODEL, expected);
        }
        assertArrayEquals(expected, Files.readAllBytes(EXAMPLE_MODEL), EXAMPLE_MODEL + " is not RandomModels.tiny("
                + SEED + "); if the change is intended, run with -Dhark.regenerate=true");
    }
}
