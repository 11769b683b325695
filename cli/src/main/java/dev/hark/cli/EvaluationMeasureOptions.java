package dev.hark.cli;

import dev.hark.pipeline.evaluate.EvaluateStage;
import dev.hark.pipeline.evaluate.EvaluationRequest;
import dev.hark.pipeline.evaluate.QualityGate;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How {@code hark evaluate} measures and where its outputs go; settings shared with the plugin's {@code evaluate}
 * goal but {@code --out}, whose description is the command's own.
 */
final class EvaluationMeasureOptions {
    @Option(names = "--target", paramLabel = "<sim|host|board>")
    String target;

    @Option(names = "--hours")
    double hours;

    @Option(names = "--seed")
    long seed;

    @Option(names = "--worst")
    int worst;

    @Option(names = {"-o", "--out"}, defaultValue = "build/evaluate", description = "Folder for clips.csv,"
            + " summary.json, the HTML page and any firmware (default: ${DEFAULT-VALUE}).")
    Path out;

    /**
     * The request for {@code model} and {@code data} (read converted when {@code resample}) measured so.
     *
     * @throws HarkException (usage) naming --target or --split when it names no target to run on or no split
     */
    EvaluationRequest request(Path model, Path data, String keyword, String split, boolean resample,
                              QualityGate gate) {
        try {
            EvaluationRequest.firmware(target);
            EvaluationRequest.split(split);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.USAGE, e.getMessage());
        }
        return EvaluationRequest.of(model, data, keyword, split, resample, target,
                new EvaluateStage.Settings(hours, seed, gate, worst), out);
    }
}
