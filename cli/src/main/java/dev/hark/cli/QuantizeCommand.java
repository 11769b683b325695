package dev.hark.cli;

import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.CalibrationComparison;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.Int8Evaluation;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark quantize}: calibrates and quantizes the workspace's float model into {@code model.hark}. */
@Command(name = "quantize",
        description = "Quantize the trained float model to int8 (calibration on training clips), write "
                + "<work>/model.hark and compare float and int8 on the test split.")
final class QuantizeCommand extends PipelineCommand {
    @Mixin
    CalibrationOption calibration;

    @Mixin
    RoundingOption rounding;

    @Option(names = "--compare", description = "Also quantize with minmax, percentile and kl and print int8 vs "
            + "float on the test split for each (does not change model.hark).")
    boolean compare;

    @Override
    Integer runLocked() throws Exception {
        Workspace workspace = pipeline.workspace();
        CalibrationPlan plan = calibration.plan();
        CrnnWeights weights = pipeline.floatModel().weights();
        Map<Split, FeatureSet> features = pipeline.features(System.err);
        if (compare) {
            out().print(CalibrationComparison.table(QuantizeStage.compare(weights,
                    features.get(Split.TRAIN), features.get(Split.TEST), pipeline.keyword(), "hark", plan,
                    rounding.rounding)));
        }
        QuantizedModel model = QuantizeStage.run(weights, features.get(Split.TRAIN), pipeline.keyword(), "hark", plan,
                rounding.rounding, workspace.model(), System.err);
        Int8Evaluation.Result r = FloatAndInt8Scores.of(weights, model, features.get(Split.TEST).items()).comparison();
        out().printf(Locale.ROOT,
                "%s (%s rounding): test %d clips, float accuracy %.2f%%, int8 accuracy %.2f%%, decisions agree"
                        + " %.2f%%%n", workspace.model(), QuantizeStage.name(model.rounding()), r.clips(), 100 * r.floatAccuracy(), 100 * r.int8Accuracy(), 100 * r.agreement());
        return ExitCode.OK.code();
    }
}
