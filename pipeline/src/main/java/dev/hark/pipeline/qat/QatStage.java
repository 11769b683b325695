package dev.hark.pipeline.qat;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.qat.FrozenGrids;
import dev.hark.trainer.qat.QatModel;
import dev.hark.trainer.qat.QatOptions;
import dev.hark.trainer.qat.QatResult;
import dev.hark.trainer.qat.QatTrainer;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.Int8Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Quantization-aware fine-tuning of a trained float model: the activation grids are calibrated once by the
 * {@link CalibrationPolicy} and frozen, the network is fine-tuned through fake quantization, and the kept epoch is
 * converted into an ordinary int8 model file.
 */
public final class QatStage {
    /** The model description's producer, so that a QAT model file says how it was made. */
    static final String PRODUCER = "hark-qat";

    /**
     * @param training what fine-tuning did, epoch by epoch, and the kept model
     * @param before   the test split with post-training quantization on the frozen grids (the starting point)
     * @param after    the test split with the fine-tuned model
     */
    public record Result(QatResult training, Int8Evaluation.Result before, Int8Evaluation.Result after) {
    }

    private QatStage() {
    }

    /**
     * @param features the cached features: calibration and fine-tuning on train, the kept epoch chosen on dev,
     *                 before and after measured on test
     * @param plan     how the frozen grids are calibrated
     */
    public static Result run(CrnnWeights weights, Map<Split, FeatureSet> features, String keyword, CalibrationPlan plan,
                             QatOptions options, Path modelFile) throws IOException {
        ModelInfo info = ModelDescription.trainedOn(ModelDescription.of(weights.config(), keyword, PRODUCER),
                features.get(Split.TRAIN));
        FrozenGrids grids = FrozenGrids.of(weights.config(),
                plan.grids(CalibrationPolicy.calibrate(weights, info, features.get(Split.TRAIN))));
        try (QatModel qat = QatModel.create(weights, grids, FrontendConfig.FEATURE_QUANT)) {
            QuantizedModel ptq = qat.convert(info, CalibrationPolicy.DEFAULT_ROUNDING);
            QatResult result = QatTrainer.fineTune(qat, features.get(Split.TRAIN).items(),
                    features.get(Split.DEV).items(), info, CalibrationPolicy.DEFAULT_ROUNDING, options);
            ModelFile.write(result.model(), modelFile);
            List<LabelledFeatures> test = features.get(Split.TEST).items();
            return new Result(result, FloatAndInt8Scores.of(weights, ptq, test).comparison(),
                    FloatAndInt8Scores.of(result.weights(), result.model(), test).comparison());
        }
    }
}
