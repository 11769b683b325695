package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The example projects' model ({@code src/it/*}{@code /model.hark}) is {@code RandomModels.tiny(}{@value #SEED}{@code
 * )}: a 30 x 12 CRNN with random weights, quantized by the real quantizer; the clips of {@code src/it/verify-on-qemu}
 * are {@code RandomModels.features(model, 3, }{@value #CLIP_SEED}{@code )}. The example that listens,
 * {@code src/it/simulation-tests}, needs a model of the front end's shape: the small student shape with random
 * weights (seed {@value #LISTENING_SEED}), and a recording, {@link #recording()}. After an intended change of the
 * quantizer or the model file format, run once with {@code -Dhark.regenerate=true} to rewrite them.
 */
@Fast
class ExampleModelTest {
    /** The seed of the example model; changing it changes the checked-in files. */
    static final long SEED = 20260301L;
    /** The seed of the example clips. */
    static final long CLIP_SEED = 20260302L;
    /** The seed of the listening example's recording. */
    static final long RECORDING_SEED = 20260304L;
    private static final List<Path> EXAMPLE_MODELS = List.of(Path.of("src/it/generate-and-size/model.hark"),
            Path.of("src/it/verify-on-qemu/model.hark"));
    private static final Path EXAMPLE_CLIPS = Path.of("src/it/verify-on-qemu/clips");
    /** The seed of the listening example's model. */
    static final long LISTENING_SEED = 20260303L;
    private static final Path LISTENING_MODEL = Path.of("src/it/simulation-tests/model.hark");
    private static final Path RECORDING = Path.of("src/it/simulation-tests/src/test/resources/stream.wav");

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

    @Test
    void theListeningExampleHasAModelOfTheFrontEndsShapeAndARecording() throws IOException {
        assertSame(ModelFile.toBytes(RandomModels.create(RandomModels.smallStudentShape(), LISTENING_SEED,
                Rounding.DOUBLE)), LISTENING_MODEL);
        assertSame(WavFile.encode(new PcmAudio(recording(), WavFile.SAMPLE_RATE)), RECORDING);
    }

    /** Two seconds at 16 kHz: a second of noise, then a second of a tone under noise (seed {@value #RECORDING_SEED}). */
    static short[] recording() {
        Random random = new Random(RECORDING_SEED);
        short[] samples = new short[2 * WavFile.SAMPLE_RATE];
        for (int i = 0; i < samples.length; i++) {
            double tone = i < WavFile.SAMPLE_RATE ? 0 : 6000 * Math.sin(2 * Math.PI * 440 * i / WavFile.SAMPLE_RATE);
            samples[i] = (short) Math.round(tone + 2000 * random.nextGaussian());
        }
        return samples;
    }

    private static void assertSame(byte[] expected, Path file) throws IOException {
        if (Boolean.getBoolean("hark.regenerate")) {
            Files.createDirectories(file.getParent());
            Files.write(file, expected);
        }
        assertArrayEquals(expected, Files.readAllBytes(file), file + " is not what " + ExampleModelTest.class
                .getSimpleName() + " makes; if the change is intended, run with -Dhark.regenerate=true");
    }
}
