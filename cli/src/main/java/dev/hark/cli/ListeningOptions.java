package dev.hark.cli;

import dev.hark.pipeline.listen.ListeningSettings;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import java.util.function.UnaryOperator;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options of the commands that listen to a stream: the attention window and the detector's settings. A
 * command that mixes them in names {@link Defaults} as its default value provider, so the detector's defaults come
 * from {@link DetectionSettings#DEFAULT} and its help shows them; the attention window's default depends on the
 * model ({@link ListeningSettings#defaults}).
 */
final class ListeningOptions {
    @Option(names = "--attention-window", paramLabel = "<steps>",
            description = "Steps the attention pools over (default: the model's clip steps).")
    Integer attentionWindow;

    @Option(names = "--smoothing", paramLabel = "<steps>",
            description = "Posteriors the detector averages, 1 to 64 (default: ${DEFAULT-VALUE}).")
    int smoothing;

    @Option(names = "--threshold", paramLabel = "<1-255>",
            description = "Mean posterior that fires, in 1/256 (default: ${DEFAULT-VALUE}).")
    int threshold;

    @Option(names = "--refractory", paramLabel = "<steps>",
            description = "Steps after a detection in which no other fires (default: ${DEFAULT-VALUE}).")
    int refractory;

    /** The detector's defaults for the options above. */
    static final class Defaults implements IDefaultValueProvider {
        @Override
        public String defaultValue(ArgSpec arg) {
            DetectionSettings d = DetectionSettings.DEFAULT;
            return !(arg instanceof OptionSpec option) ? null : switch (option.longestName()) {
                case "--smoothing" -> String.valueOf(d.smoothingSteps());
                case "--threshold" -> String.valueOf(d.threshold());
                case "--refractory" -> String.valueOf(d.refractorySteps());
                default -> null;
            };
        }
    }

    /**
     * The settings the options give for {@code model}.
     *
     * @throws HarkException (bad input, naming the option) when a value is out of range
     */
    ListeningSettings settings(QuantizedModel model) {
        ListeningSettings settings = ListeningSettings.defaults(model);
        if (attentionWindow != null) {
            settings = apply(settings, "--attention-window", s -> s.withAttentionWindow(attentionWindow));
        }
        settings = apply(settings, "--smoothing", s -> s.withSmoothingSteps(smoothing));
        settings = apply(settings, "--threshold", s -> s.withThreshold(threshold));
        return apply(settings, "--refractory", s -> s.withRefractorySteps(refractory));
    }

    private static ListeningSettings apply(ListeningSettings settings, String option,
                                           UnaryOperator<ListeningSettings> change) {
        try {
            return change.apply(settings);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, option + ": " + e.getMessage());
        }
    }
}
