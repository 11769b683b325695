package dev.hark.cli;

import dev.hark.pipeline.crossval.CrossValidationStreams;
import dev.hark.trainer.eval.DetectorTiming;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Whether {@code hark crossval} also lets every model listen to long streams of each fold's held-out audio. */
final class CrossValidationStreamOptions {
    @Option(names = "--stream-hours", paramLabel = "<hours>", description = "Also the long-stream false-reject "
            + "rate: per fold, at least this many hours of varied streams of its held-out speakers (every keyword "
            + "clip heard once) heard by the int8 network of every model and seed; columns FRR at <= 0.5 and <= 1 "
            + "FA/h beside the table. About 7-10 s of CPU per model and stream hour. Default: off.")
    Double hoursPerFold;

    @Option(names = "--stream-seed", defaultValue = "1", description = "Seed of the streams with --stream-hours "
            + "(default: ${DEFAULT-VALUE}).")
    long streamSeed;

    @Option(names = "--stream-smoothing", paramLabel = "<scores>", description = "With --stream-hours: the "
            + "detector's smoothing, the mean of this many scores, the same for every model, fold and seed (default: "
            + "the device's, 5).")
    Integer smoothing;

    @Option(names = "--stream-refractory", paramLabel = "<seconds>", description = "With --stream-hours: the "
            + "detector's silence after a detection, the same for every model, fold and seed (default: 1).")
    Double refractorySeconds;

    @Option(names = "--stream-dev-hours", paramLabel = "<hours>", description = "With --stream-hours: instead of "
            + "one detector for the table, every model of every fold chooses its own smoothing and refractory period "
            + "on this many hours of varied streams of the fold's dev speakers (and the DEV portion of the background "
            + "recordings), as hark stream-eval chooses a workspace's on DEV-split streams.")
    Double devHoursPerFold;

    /** @throws HarkException (bad input) naming the option whose value cannot be used */
    Optional<CrossValidationStreams.Settings> settings() {
        if (hoursPerFold == null) {
            String without = smoothing != null ? "--stream-smoothing" : refractorySeconds != null
                    ? "--stream-refractory" : devHoursPerFold != null ? "--stream-dev-hours" : null;
            if (without != null) {
                throw new HarkException(ExitCode.BAD_INPUT, without + " needs --stream-hours");
            }
            return Optional.empty();
        }
        Optional<DetectorTiming> fixed = Optional.empty();
        if (devHoursPerFold != null) {
            if (smoothing != null || refractorySeconds != null) {
                throw new HarkException(ExitCode.BAD_INPUT, "--stream-dev-hours chooses the detector that "
                        + (smoothing != null ? "--stream-smoothing" : "--stream-refractory") + " fixes: give one");
            }
        } else {
            try {
                fixed = Optional.of(new DetectorTiming(
                        smoothing != null ? smoothing : DetectorTiming.DEFAULT.smoothingSteps(),
                        refractorySeconds != null ? refractorySeconds : DetectorTiming.DEFAULT.refractorySeconds()));
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, (smoothing != null ? "--stream-smoothing" : "")
                        + (smoothing != null && refractorySeconds != null ? ", " : "")
                        + (refractorySeconds != null ? "--stream-refractory" : "") + ": " + e.getMessage());
            }
        }
        try {
            return Optional.of(new CrossValidationStreams.Settings(hoursPerFold, streamSeed, fixed,
                    devHoursPerFold != null ? devHoursPerFold : CrossValidationStreams.NO_DEV_HOURS));
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, e.getMessage());
        }
    }
}
