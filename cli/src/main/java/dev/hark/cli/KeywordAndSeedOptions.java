package dev.hark.cli;

import picocli.CommandLine.Option;

/** The word to spot and the seed of every random choice: the synthetic corpus, the split and training. */
final class KeywordAndSeedOptions {
    @Option(names = "--keyword", defaultValue = "sheila", description = "Keyword (default: ${DEFAULT-VALUE}).")
    String keyword;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed for corpus and training (default: ${DEFAULT-VALUE}).")
    long seed;
}
