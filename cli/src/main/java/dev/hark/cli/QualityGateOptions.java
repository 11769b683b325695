package dev.hark.cli;

import dev.hark.pipeline.evaluate.QualityGate;
import picocli.CommandLine.Option;

/** The quality gate of {@code hark evaluate}, the settings the plugin's {@code evaluate} goal takes as well. */
final class QualityGateOptions {
    @Option(names = "--max-frr", paramLabel = "<rate>")
    Double maxFrr;

    @Option(names = "--at-fa-per-hour", paramLabel = "<alarms>")
    double atFaPerHour;

    @Option(names = "--max-au-fa-fr", paramLabel = "<area>")
    Double maxAuFaFr;

    /** @throws IllegalArgumentException naming the option, for a rate outside [0, 1] or a negative budget */
    QualityGate gate() {
        return QualityGate.of(maxFrr, atFaPerHour, maxAuFaFr);
    }
}
