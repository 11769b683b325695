package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.model.CrnnConfig;

/**
 * The size and cost of a CRNN, the figures a compression table compares (see docs/metrics.md).
 *
 * @param parameters    trainable parameters ({@link CrnnConfig#parameterCount()})
 * @param macsPerSecond multiply-accumulates of one forward pass over a 1-second clip ({@link MacCount#total()});
 *                      the whole-clip model runs once per second of audio. A streaming deployment that
 *                      re-scores every 100 ms pays this ten times per second.
 * @param float32Bytes  {@code parameters x 4}
 * @param int8Bytes     constant data of the int8 network ({@link Int8Bytes})
 * @param int8Measured  true when {@code int8Bytes} was summed over an actual quantized model, false when
 *                      estimated from the shapes
 */
public record ModelFigures(long parameters, long macsPerSecond, long float32Bytes, long int8Bytes,
                           boolean int8Measured) {

    /** Figures from the shapes alone; int8 bytes estimated by {@link Int8Bytes#estimate}. */
    public static ModelFigures of(CrnnConfig config) {
        long params = config.parameterCount();
        return new ModelFigures(params, MacCount.of(config).total(), 4 * params, Int8Bytes.estimate(config), false);
    }

    /** Figures with int8 bytes summed over {@code model}'s constant arrays ({@link Int8Bytes#of}). */
    public static ModelFigures of(CrnnConfig config, QuantizedModel model) {
        long params = config.parameterCount();
        return new ModelFigures(params, MacCount.of(config).total(), 4 * params, Int8Bytes.of(model), true);
    }

    /** How many times fewer MACs this model needs than {@code reference}. */
    public double macReduction(ModelFigures reference) {
        return (double) reference.macsPerSecond / macsPerSecond;
    }

    /** How many times smaller this model's int8 data is than {@code reference}'s float32 weights. */
    public double int8VersusFloatReduction(ModelFigures reference) {
        return (double) reference.float32Bytes / int8Bytes;
    }
}
