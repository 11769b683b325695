package dev.hark.cli;

import dev.hark.pipeline.listen.ListeningSettings;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The options of the commands that listen to a stream: the attention window and the detector's settings, each
 * changing what the model's firmware listens with ({@link ListeningSettings#defaults}: the model's detector, from its
 * file, else {@link DetectionSettings#DEFAULT}).
 */
final class ListeningOptions {
    /** Where the help sends a user for the model's detector. */
    private static final String DEFAULT_NOTE = "hark inspect shows it";

    @Option(names = "--attention-window", paramLabel = "<steps>",
            description = "Steps the attention pools over (default: the model's clip steps).")
    Integer attentionWindow;

    @Option(names = "--smoothing", paramLabel = "<steps>",
            description = "Scores the detector averages, 1 to 64 (default: the model's detector's; "
                    + DEFAULT_NOTE + ").")
    Integer smoothing;

    @Option(names = "--threshold", paramLabel = "<1-255>",
            description = "Mean keyword score that fires, log-odds in 1/16 nat plus 128 (default: the model's "
                    + "detector's; " + DEFAULT_NOTE + ").")
    Integer threshold;

    @Option(names = "--refractory", paramLabel = "<steps>",
            description = "Steps after a detection in which no other fires (default: the model's detector's; "
                    + DEFAULT_NOTE + ").")
    Integer refractory;

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
        if (smoothing != null) {
            settings = apply(settings, "--smoothing", s -> s.withSmoothingSteps(smoothing));
        }
        if (threshold != null) {
            settings = apply(settings, "--threshold", s -> s.withThreshold(threshold));
        }
        if (refractory != null) {
            settings = apply(settings, "--refractory", s -> s.withRefractorySteps(refractory));
        }
        return settings;
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
