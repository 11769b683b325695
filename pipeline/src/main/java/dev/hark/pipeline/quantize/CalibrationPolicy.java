package dev.hark.pipeline.quantize;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.Calibration;
import dev.hark.trainer.quant.CalibrationMethod;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.PostTrainingQuantization;
import java.util.ArrayList;
import java.util.List;

/**
 * How the pipeline quantizes every model it writes: which training clips calibrate it, the default plan and the
 * default rounding (the quantize command can choose the other). The quantize stage, QAT's frozen grids and every distilled student go through here, so a model file is
 * never calibrated one way in one command and another way in the next.
 */
public final class CalibrationPolicy {
    /** Calibration clips: enough for stable ranges, few enough to calibrate in seconds. */
    public static final int CLIPS = 400;
    /** Min-max on every tensor unless the user chooses a plan. */
    public static final CalibrationPlan DEFAULT_PLAN = CalibrationPlan.minMax();
    /** CMSIS-NN's default requantization, unless the user chooses the other; the firmware is built for the model's. */
    public static final Rounding DEFAULT_ROUNDING = Rounding.DOUBLE;

    private CalibrationPolicy() {
    }

    /** The calibration clips: {@value #CLIPS} spread over the training set. */
    public static List<byte[]> clips(FeatureSet train) {
        return spread(train.items(), CLIPS);
    }

    /** One calibration pass over {@link #clips}; it serves any number of plans. */
    public static Calibration calibrate(CrnnWeights weights, ModelInfo info, FeatureSet train) {
        return PostTrainingQuantization.calibrate(weights, info, clips(train));
    }

    /** Calibrates on {@link #clips} and quantizes with {@code plan} and {@code rounding}. */
    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, FeatureSet train,
                                          CalibrationPlan plan, Rounding rounding) {
        return PostTrainingQuantization.quantize(weights, info, clips(train), plan, rounding);
    }

    /** Quantizes with {@code plan} and {@code rounding} from an existing calibration pass. */
    public static QuantizedModel quantize(CrnnWeights weights, ModelInfo info, Calibration calibration,
                                          CalibrationPlan plan, Rounding rounding) {
        return PostTrainingQuantization.quantize(weights, info, calibration, plan, rounding);
    }

    /** The plans a comparison puts side by side: min-max, percentile and KL, then {@code chosen} if it is another. */
    public static List<CalibrationPlan> comparedWith(CalibrationPlan chosen) {
        List<CalibrationPlan> plans = new ArrayList<>(List.of(CalibrationPlan.minMax(),
                CalibrationPlan.of(CalibrationMethod.PERCENTILE), CalibrationPlan.of(CalibrationMethod.KL)));
        if (!plans.contains(chosen)) {
            plans.add(chosen);
        }
        return plans;
    }

    /** Every k-th clip, so that calibration sees every word (clips are listed word by word). */
    static List<byte[]> spread(List<LabelledFeatures> clips, int count) {
        List<byte[]> picked = new ArrayList<>();
        double step = Math.max(1.0, (double) clips.size() / count);
        for (double i = 0; i < clips.size() && picked.size() < count; i += step) {
            picked.add(clips.get((int) i).features());
        }
        return picked;
    }
}
