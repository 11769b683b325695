package dev.hark.trainer.quant;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Quantized CRNNs with random weights for tests that need a model without training one, made the way every real
 * model is made: random float weights ({@link RandomCrnnWeights}), calibrated on random clips by the float
 * reference and quantized by the {@link Quantizer} ({@link PostTrainingQuantization}). The same seed gives the same
 * model on every JVM. The input grid's zero point varies with the seed, so offsets are not all zero.
 */
public final class RandomModels {
    /** Clips the float reference is calibrated on. */
    private static final int CALIBRATION_CLIPS = 8;

    private RandomModels() {
    }

    /** 30 frames x 12 mels, 2 conv channels, kernel 6 x 3, stride 4 x 2, two GRU layers of 8, attention. */
    public static CrnnConfig tinyShape() {
        return CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(2).optKernelTime(6).optKernelMel(3)
                .optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(2).build();
    }

    /**
     * A distilled student: 101 x 40, 2 channels, kernel 20 x 5, stride 6 x 2 (14 steps), one GRU layer of 16, no
     * attention (2,828 parameters).
     */
    public static CrnnConfig smallStudentShape() {
        return CrnnConfig.builder().optConvChannels(2).optStrideTime(6).optGruHidden(16).optGruLayers(1)
                .optAttention(false).build();
    }

    /**
     * A network that listens to the front end's frames: 48 frames x 40 mels, 2 conv channels, kernel 8 x 5, stride
     * 4 x 3 (a step every 4 frames), one GRU layer of 8, attention over the clip's 11 steps; double rounding.
     */
    public static QuantizedModel listening(long seed) {
        CrnnConfig shape = CrnnConfig.builder().optFrames(48).optMels(40).optConvChannels(2).optKernelTime(8)
                .optKernelMel(5).optStrideTime(4).optStrideMel(3).optGruHidden(8).optGruLayers(1).build();
        return create(shape, seed, Rounding.DOUBLE);
    }

    /** A {@link #tinyShape()} model with double rounding. */
    public static QuantizedModel tiny(long seed) {
        return create(tinyShape(), seed, Rounding.DOUBLE);
    }

    /** The baseline CRNN ({@link CrnnConfig#defaults()}) with double rounding. */
    public static QuantizedModel defaultSize(long seed) {
        return create(CrnnConfig.defaults(), seed, Rounding.DOUBLE);
    }

    /**
     * @param config   the network's shape
     * @param seed     the same seed gives the same model
     * @param rounding the CMSIS-NN rounding mode the model is made for
     */
    public static QuantizedModel create(CrnnConfig config, long seed, Rounding rounding) {
        Random random = new Random(seed);
        List<String> labels = new ArrayList<>(List.of("other", "sheila"));
        for (int c = 2; c < config.classes(); c++) {
            labels.add("class" + c);
        }
        TensorQuant input = new TensorQuant(0.1f, random.nextInt(21) - 10);
        ModelInfo info = new ModelInfo("random-crnn-" + seed, "sheila", labels, config.frames(), config.mels(),
                input, "hark-logmel-v1", "hark RandomModels (seed " + seed + ")");
        // Features dequantize to about +-13; a smaller gain keeps the convolution out of saturation.
        CrnnWeights weights = RandomCrnnWeights.of(config, seed, 0.3);
        return PostTrainingQuantization.quantize(weights, info, clips(info.inputSize(), CALIBRATION_CLIPS,
                random.nextLong()), rounding);
    }

    /** {@code count} random int8 feature clips of {@code model}'s input size (a fixed function of the seed). */
    public static List<byte[]> features(QuantizedModel model, int count, long seed) {
        return clips(model.info().inputSize(), count, seed);
    }

    private static List<byte[]> clips(int size, int count, long seed) {
        Random r = new Random(seed);
        List<byte[]> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] clip = new byte[size];
            r.nextBytes(clip);
            clips.add(clip);
        }
        return clips;
    }
}
