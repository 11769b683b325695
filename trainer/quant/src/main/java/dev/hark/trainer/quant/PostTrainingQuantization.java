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

    /** Min-max calibration on every tensor. */
    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, List<byte[]> calibrationFeatures,
                                          Rounding rounding) {
        return quantize(weights, info, calibrationFeatures, CalibrationPlan.minMax(), rounding);
    }

    /** Calibrates once and quantizes with the grids {@code plan} chooses per tensor. */
    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, List<byte[]> calibrationFeatures,
                                          CalibrationPlan plan, Rounding rounding) {
        return quantize(weights, info, calibrate(weights, info, calibrationFeatures), plan, rounding);
    }

    /** Quantizes with an existing calibration (one calibration pass serves several plans). */
    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, Calibration calibration,
                                          CalibrationPlan plan, Rounding rounding) {
        return new Quantizer(weights.config(), weights::get, plan.grids(calibration)).quantize(info, rounding);
    }
}
