package dev.hark.trainer.quant;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.InputFeatures;
import java.util.List;

/**
 * Post-training quantization: run the float network over calibration clips, record the range of every
 * intermediate tensor the integer network materializes, then let the {@link Quantizer} turn ranges and weights
 * into integers.
 */
public final class PostTrainingQuantization {
    private PostTrainingQuantization() {
    }

    /** Observes every calibration clip (int8 front-end features, dequantized with the model's input grid). */
    public static Calibration calibrate(CrnnWeights weights, ModelInfo info, List<byte[]> calibrationFeatures) {
        if (calibrationFeatures.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one clip");
        }
        FloatCrnn network = new FloatCrnn(weights);
        Calibration calibration = new Calibration();
        for (byte[] features : calibrationFeatures) {
            network.forward(InputFeatures.dequantize(features, info.inputQuant()), calibration::observe);
        }
        return calibration;
    }

    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, List<byte[]> calibrationFeatures,
                                          Rounding rounding) {
        Calibration calibration = calibrate(weights, info, calibrationFeatures);
        return new Quantizer(weights.config(), weights::get, calibration).quantize(info, rounding);
    }
}
