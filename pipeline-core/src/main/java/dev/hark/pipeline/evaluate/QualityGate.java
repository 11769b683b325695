package dev.hark.pipeline.evaluate;

import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.StreamOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The figures a build demands of a model on its team's recordings: at most {@code maxFrr} keywords missed on the
 * long stream at the threshold that keeps false alarms within {@code atFaPerHour}, and at most {@code maxAuFaFr} on
 * the clips. Either may be absent; both are checked on the int8 network, the one the firmware runs.
 *
 * @param maxFrr      the highest miss rate allowed on the stream, 0 to 1
 * @param atFaPerHour the false-alarm budget the miss rate is taken at
 * @param maxAuFaFr   the highest au_fa_fr allowed on the clips, 0 to 1
 */
public record QualityGate(OptionalDouble maxFrr, double atFaPerHour, OptionalDouble maxAuFaFr) {
    /** The false-alarm budget when none is given. */
    public static final double DEFAULT_FA_PER_HOUR = 1.0;

    /** No demand. */
    public static final QualityGate NONE = new QualityGate(OptionalDouble.empty(), DEFAULT_FA_PER_HOUR,
            OptionalDouble.empty());

    /** @throws IllegalArgumentException naming the option, for a rate outside [0, 1] or a negative budget */
    public QualityGate {
        maxFrr.ifPresent(v -> requireRate("--max-frr", v));
        maxAuFaFr.ifPresent(v -> requireRate("--max-au-fa-fr", v));
        if (!(atFaPerHour >= 0) || Double.isInfinite(atFaPerHour)) {
            throw new IllegalArgumentException("--at-fa-per-hour: a false-alarm budget is at least 0, got "
                    + atFaPerHour);
        }
    }

    /**
     * The gate as the front ends hold its settings: a limit not given is null.
     *
     * @throws IllegalArgumentException naming the option, for a rate outside [0, 1] or a negative budget
     */
    public static QualityGate of(Double maxFrr, double atFaPerHour, Double maxAuFaFr) {
        return new QualityGate(optional(maxFrr), atFaPerHour, optional(maxAuFaFr));
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** Whether there is anything to check. */
    public boolean isSet() {
        return maxFrr.isPresent() || maxAuFaFr.isPresent();
    }

    /**
     * What fails, one line each; empty when the model passes.
     *
     * @param clips    the int8 network's clip metrics
     * @param atBudget its operating point on the stream at {@link #atFaPerHour}
     */
    public List<String> failures(ClipMetrics clips, StreamOutcome atBudget) {
        List<String> failures = new ArrayList<>();
        if (maxFrr.isPresent()) {
            double missRate = atBudget.fires() ? atBudget.missRate() : 1;
            if (missRate > maxFrr.getAsDouble()) {
                failures.add(String.format(Locale.ROOT, "false rejects %.2f%% at <= %s FA/h%s exceed --max-frr %s",
                        100 * missRate, atFaPerHour, atBudget.fires() ? "" : " (no threshold meets the budget)",
                        maxFrr.getAsDouble()));
            }
        }
        if (maxAuFaFr.isPresent() && clips.auFaFr() > maxAuFaFr.getAsDouble()) {
            failures.add(String.format(Locale.ROOT, "au_fa_fr %.5f exceeds --max-au-fa-fr %s", clips.auFaFr(),
                    maxAuFaFr.getAsDouble()));
        }
        return failures;
    }

    private static void requireRate(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + ": a rate from 0 to 1, got " + value);
        }
    }
}
