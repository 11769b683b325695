package dev.hark.cli;

import dev.hark.trainer.distill.DistillationOptions;
import picocli.CommandLine.Option;

/** The distillation loss of the commands that distill students: its temperature and the weights of its terms. */
final class DistillationLossOptions {
    @Option(names = "--temperature", defaultValue = "4", description = "Distillation temperature T "
            + "(default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--alpha", defaultValue = "0.7", description = "Weight of the soft (teacher) term "
            + "(default: ${DEFAULT-VALUE}).")
    float alpha;

    @Option(names = "--beta", defaultValue = "0.3", description = "Weight of the hard (label) term "
            + "(default: ${DEFAULT-VALUE}).")
    float beta;

    /** @throws HarkException (usage) when the values make no loss */
    DistillationOptions options() {
        try {
            return new DistillationOptions(temperature, alpha, beta);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.USAGE, e.getMessage());
        }
    }
}
