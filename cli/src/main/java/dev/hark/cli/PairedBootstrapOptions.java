package dev.hark.cli;

import picocli.CommandLine.Option;

/** How the commands that compare models on the same clips run the paired bootstrap. */
final class PairedBootstrapOptions {
    @Option(names = "--resamples", defaultValue = "2000", description = "Paired-bootstrap resamples "
            + "(default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--bootstrap-seed", defaultValue = "1", description = "Seed of the paired bootstrap "
            + "(default: ${DEFAULT-VALUE}).")
    long bootstrapSeed;
}
