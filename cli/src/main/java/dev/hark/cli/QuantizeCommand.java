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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hark quantize}: calibrates and quantizes the workspace's float model into {@code model.hark}. */
@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = "Quantize the trained float model to int8 (calibration on training clips), write "
                + "<work>/model.hark and compare float and int8 on the test split.")
final class QuantizeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--calibration", defaultValue = "minmax",
            description = "Calibration plan: minmax, percentile[:P], kl, or a default followed by per-tensor "
                    + "overrides, e.g. kl,conv=minmax,gru*.gh_*=percentile:99.9 (default: ${DEFAULT-VALUE}).")
    String calibration;

    @Option(names = "--compare", description = "Also quantize with minmax, percentile and kl and print int8 vs "
            + "float on the test split for each (does not change model.hark).")
    boolean compare;

    @Override
    public Integer call() throws Exception {
        Workspace workspace = pipeline.workspace();
        pipeline.requireFloatModel();
        CalibrationPlan plan = CalibrationOption.parse(calibration);
        Map<Split, FeatureSet> features = pipeline.features(System.err);
        CrnnWeights weights = pipeline.floatModel().weights();
        if (compare) {
            spec.commandLine().getOut().print(CalibrationComparison.table(QuantizeStage.compare(weights,
                    features.get(Split.TRAIN), features.get(Split.TEST), pipeline.keyword, "hark", plan)));
        }
        QuantizedModel model = QuantizeStage.run(weights, features.get(Split.TRAIN), pipeline.keyword, "hark", plan,
                workspace.model(), System.err);
        Int8Evaluation.Result r = FloatAndInt8Scores.of(weights, model, features.get(Split.TEST).items()).comparison();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "%s: test %d clips, float accuracy %.2f%%, int8 accuracy %.2f%%, decisions agree %.2f%%%n",
                workspace.model(), r.clips(), 100 * r.floatAccuracy(), 100 * r.int8Accuracy(), 100 * r.agreement());
        return ExitCodes.OK;
    }
}
