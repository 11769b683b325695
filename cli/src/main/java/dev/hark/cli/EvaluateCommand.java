package dev.hark.cli;

import dev.hark.pipeline.evaluate.EvaluateStage;
import dev.hark.pipeline.evaluate.EvaluationOutputs;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hark evaluate}: a model on recordings the user names, through the simulator or a target's firmware
 * ({@link EvaluateStage}); the figures, the breakdowns, the outputs, and the verdict as the exit code. The options
 * shared with the plugin's {@code evaluate} goal take their descriptions and defaults from their one definition.
 */
@Command(name = "evaluate",
        description = {"Evaluate a model on labelled recordings: a folder in Speech Commands layout"
                + " (<word>/<speaker>_nohash_<n>.wav, _background_noise_/ optional) or a CSV list of"
                + " path,label[,speaker]. Prints accuracy, false rejects and false accepts at the model's threshold"
                + " and au_fa_fr with 95%% intervals, and the false rejects at a false-alarm budget on a long stream"
                + " of the clips (and background recordings); the int8 network beside the float one when its"
                + " weights are at hand; false accepts by word, misses by speaker, the worst clips. Writes"
                + " <out>/clips.csv, <out>/summary.json and <out>/index.html (DET curve, score distributions).",
                "With --target host or a board, the same clips also run through that firmware, every traced byte"
                        + " compared with the simulator (exit code 3 on a difference). With --max-frr or"
                        + " --max-au-fa-fr, exit code 5 when the int8 network misses the mark."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EvaluationInputOptions input;

    @Mixin
    EvaluationMeasureOptions measure;

    @Mixin
    QualityGateOptions gate;

    @Override
    public Integer call() throws Exception {
        EvaluateStage.Evaluation evaluation = EvaluateStage.run(measure.request(input.model(), input.data,
                input.keyword, input.split, input.resample, gate.gate()), input.floatWeights(),
                input.trainingSpeakers(),
                System.err);
        PrintWriter print = spec.commandLine().getOut();
        EvaluationOutputs.text(evaluation).forEach(print::println);
        if (evaluation.firmwareDiffers()) {
            return ExitCode.MISMATCH.code();
        }
        return (evaluation.gateFailures().isEmpty() ? ExitCode.OK : ExitCode.QUALITY_GATE).code();
    }
}
