package dev.hark.trainer.train;

import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import java.util.List;

/**
 * The mean and standard deviation of every dequantized feature value over a set of clips, to standardize the
 * CRNN's input during training ({@link CrnnConfig.Builder#optInputNormalization}).
 *
 * @param mean mean feature value
 * @param std  standard deviation, positive (1 if every value is equal)
 */
public record InputStatistics(float mean, float std) {

    /**
     * Measures the clips' features. Each int8 code is counted through a 256-bin histogram, so this is exact and
     * independent of the clips' order.
     *
     * @throws IllegalArgumentException if there are no clips
     */
    public static InputStatistics measure(List<Example> clips, TensorQuant quant) {
        return measure(TrainingFeatures.of(clips), quant);
    }

    /**
     * Measures the clips as they look in epoch 0 (for augmented features: the first epoch's draw).
     *
     * @throws IllegalArgumentException if there are no clips
     */
    public static InputStatistics measure(TrainingFeatures clips, TensorQuant quant) {
        long[] histogram = new long[256];
        for (int i = 0; i < clips.size(); i++) {
            for (byte b : clips.features(i, 0)) {
                histogram[b + 128]++;
            }
        }
        long n = 0;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            n += histogram[i];
            sum += histogram[i] * quant.dequantize(i - 128);
        }
        if (n == 0) {
            throw new IllegalArgumentException("input statistics need at least one clip with features");
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < 256; i++) {
            double d = quant.dequantize(i - 128) - mean;
            squares += histogram[i] * d * d;
        }
        double std = Math.sqrt(squares / n);
        return new InputStatistics((float) mean, std > 0 ? (float) std : 1f);
    }

    /** {@code config} with this standardization. */
    public CrnnConfig applyTo(CrnnConfig config) {
        return config.toBuilder().optInputNormalization(mean, std).build();
    }
}
