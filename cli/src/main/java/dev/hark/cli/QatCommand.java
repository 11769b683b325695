package dev.hark.cli;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.qat.FrozenGrids;
import dev.hark.trainer.qat.QatEpoch;
import dev.hark.trainer.qat.QatModel;
import dev.hark.trainer.qat.QatOptions;
import dev.hark.trainer.qat.QatResult;
import dev.hark.trainer.qat.QatTrainer;
import dev.hark.trainer.quant.Calibration;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hark qat}: quantization-aware fine-tuning of the workspace's float model, converted to an ordinary int8
 * model file; prints int8 metrics on the test split before (post-training quantization) and after.
 */
@Command(name = "qat", mixinStandardHelpOptions = true,
        description = "Fine-tune the trained float model with fake quantization (the simulator's integer scheme, "
                + "straight-through gradients, grids frozen from calibration), convert it and write "
                + "<work>/model-qat.hark; prints int8 test metrics before and after.")
final class QatCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--calibration", defaultValue = "minmax",
            description = "Calibration plan for the frozen grids, as for `hark quantize` (default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(names = "--epochs", defaultValue = "3", description = "QAT epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--out", description = "Model file to write (default: <work>/model-qat.hark).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = pipeline.workspace();
        if (!Files.isDirectory(workspace.floatModel())) {
            throw new HarkException(ExitCodes.BAD_INPUT, workspace.floatModel() + ": no trained float model; run "
                    + "`hark train --work " + pipeline.work + "` first");
        }
        CalibrationPlan plan;
        try {
            plan = CalibrationPlan.parse(calibration);
            QatOptions.defaults().withEpochs(epochs).withLearningRate(learningRate);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCodes.BAD_INPUT, e.getMessage());
        }
        Map<Split, FeatureSet> features = pipeline.features(System.err);
        CrnnWeights weights = TrainStage.load(workspace.floatModel(), workspace.trainingHistory()).weights();
        ModelInfo info = ModelDescription.of(weights.config(), pipeline.keyword, "hark-qat");
        Calibration calibrated = CalibrationPolicy.calibrate(weights, info, features.get(Split.TRAIN));
        FrozenGrids grids = FrozenGrids.of(weights.config(), plan.grids(calibrated));
        QatOptions options = QatOptions.defaults().withEpochs(epochs).withLearningRate(learningRate)
                .withSeed(pipeline.seed).withProgress(System.err);
        PrintWriter stdout = spec.commandLine().getOut();
        try (QatModel qat = QatModel.create(weights, grids, FrontendConfig.FEATURE_QUANT)) {
            QuantizedModel ptq = qat.convert(info, CalibrationPolicy.ROUNDING);
            QatResult result = QatTrainer.fineTune(qat, features.get(Split.TRAIN).items(),
                    features.get(Split.DEV).items(), info, CalibrationPolicy.ROUNDING, options);
            Path file = out != null ? out : workspace.root().resolve("model-qat.hark");
            ModelFile.write(result.model(), file);
            Int8Evaluation.Result before = FloatAndInt8Scores.of(weights, ptq, features.get(Split.TEST).items())
                    .comparison();
            Int8Evaluation.Result after = FloatAndInt8Scores.of(result.weights(), result.model(),
                    features.get(Split.TEST).items()).comparison();
            stdout.printf(java.util.Locale.ROOT, "%s: kept epoch %d of %d (calibration %s)%n", file,
                    result.bestEpoch(), epochs, plan);
            for (QatEpoch e : result.history()) {
                stdout.printf(java.util.Locale.ROOT, "  epoch %d: dev int8 accuracy %.4f, au_fa_fr %.5f%n",
                        e.epoch(), e.devInt8Accuracy(), e.devInt8AuFaFr());
            }
            stdout.printf(java.util.Locale.ROOT, "test %d clips: float accuracy %.2f%% au_fa_fr %.5f | PTQ int8 "
                            + "%.2f%% %.5f | QAT int8 %.2f%% %.5f%n", before.clips(), 100 * before.floatAccuracy(),
                    before.floatAuFaFr(), 100 * before.int8Accuracy(), before.int8AuFaFr(),
                    100 * after.int8Accuracy(), after.int8AuFaFr());
        }
        return ExitCodes.OK;
    }
}
