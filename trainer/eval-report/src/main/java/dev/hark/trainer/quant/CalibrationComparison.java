package dev.hark.trainer.quant;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-training quantization with several calibration plans from one calibration pass, each scored against the
 * float model by {@link Int8Evaluation} (the int8 side is the bit-exact simulator).
 */
public final class CalibrationComparison {
    /** One plan's model and its scores. */
    public record Row(CalibrationPlan plan, QuantizedModel model, Int8Evaluation.Result result) {
    }

    private CalibrationComparison() {
    }

    public static List<Row> compare(CrnnWeights weights, ModelInfo info, List<byte[]> calibrationClips,
                                    List<CalibrationPlan> plans, List<LabelledFeatures> testClips, Rounding rounding) {
        Calibration calibration = PostTrainingQuantization.calibrate(weights, info, calibrationClips);
        List<Row> rows = new ArrayList<>();
        for (CalibrationPlan plan : plans) {
            QuantizedModel model = PostTrainingQuantization.quantize(weights, info, calibration, plan, rounding);
            rows.add(new Row(plan, model, Int8Evaluation.evaluate(weights, model, testClips)));
        }
        return rows;
    }

    /** A plain-text table: plan, float and int8 accuracy and au_fa_fr, agreement, mean |dP|. */
    public static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-28s %9s %9s %11s %11s %8s %9s%n",
                "calibration", "float acc", "int8 acc", "float aufafr", "int8 aufafr", "agree", "mean |dP|"));
        for (Row r : rows) {
            Int8Evaluation.Result e = r.result();
            s.append(String.format(Locale.ROOT, "%-28s %8.2f%% %8.2f%% %11.5f %11.5f %7.2f%% %9.4f%n",
                    r.plan(), 100 * e.floatAccuracy(), 100 * e.int8Accuracy(), e.floatAuFaFr(), e.int8AuFaFr(),
                    100 * e.agreement(), e.meanAbsProbability()));
        }
        return s.toString();
    }
}
