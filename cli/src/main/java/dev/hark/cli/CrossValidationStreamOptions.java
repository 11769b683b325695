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

    /** @throws HarkException (bad input) naming the option whose value cannot be used */
    Optional<CrossValidationStreams.Settings> settings() {
        if (hoursPerFold == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CrossValidationStreams.Settings(hoursPerFold, streamSeed,
                    DetectorTiming.DEFAULT));
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, e.getMessage());
        }
    }
}
