package dev.hark.cli;

import dev.hark.pipeline.qat.QatStage;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.qat.QatEpoch;
import dev.hark.trainer.qat.QatOptions;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.Int8Evaluation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hark qat}: quantization-aware fine-tuning of the workspace's float model ({@link QatStage}); prints int8
 * metrics on the test split before (post-training quantization) and after.
 */
@Command(name = "qat",
        description = "Fine-tune the trained float model with fake quantization (the simulator's integer scheme, "
                + "straight-through gradients, grids frozen from calibration), convert it and write "
                + "<work>/model-qat.hark; prints int8 test metrics before and after.")
final class QatCommand extends PipelineCommand {
    @Mixin
    CalibrationOption calibration;

    @Option(names = "--epochs", defaultValue = "3", description = "QAT epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Option(names = "--out", paramLabel = "<file>",
            description = "Model file to write (default: <work>/model-qat.hark).")
    Path modelFile;

    @Override
    Integer runLocked() throws Exception {
        CalibrationPlan plan = calibration.plan();
        CrnnWeights weights = pipeline.floatModel().weights();
        QatOptions options;
        try {
            options = QatOptions.defaults().withEpochs(epochs).withLearningRate(learningRate).withSeed(pipeline.seed())
                    .withProgress(System.err);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, e.getMessage());
        }
        Path file = modelFile != null ? modelFile : pipeline.workspace().qatModel();
        QatStage.Result r = QatStage.run(weights, pipeline.features(System.err),
                pipeline.keyword(), plan, options, file);
        PrintWriter stdout = out();
        stdout.printf(Locale.ROOT, "%s: kept epoch %d of %d (calibration %s)%n", file, r.training().bestEpoch(),
                epochs, plan);
        for (QatEpoch e : r.training().history()) {
            stdout.printf(Locale.ROOT, "  epoch %d: dev int8 accuracy %.4f, au_fa_fr %.5f%n",
                    e.epoch(), e.devInt8Accuracy(), e.devInt8AuFaFr());
        }
        Int8Evaluation.Result before = r.before();
        stdout.printf(Locale.ROOT, "test %d clips: float accuracy %.2f%% au_fa_fr %.5f | PTQ int8 %.2f%% %.5f | QAT "
                        + "int8 %.2f%% %.5f%n", before.clips(), 100 * before.floatAccuracy(), before.floatAuFaFr(),
                100 * before.int8Accuracy(), before.int8AuFaFr(), 100 * r.after().int8Accuracy(),
                r.after().int8AuFaFr());
        return ExitCode.OK.code();
    }
}
