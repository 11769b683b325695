package dev.hark.pipeline.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StreamOutcome;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

@Fast
class QualityGateTest {
    /** au_fa_fr 0.25: one of the two keyword clips is scored below one of the two other clips. */
    private static final ClipMetrics CLIPS = ClipMetrics.of(new Scores(new float[] {0.9f, 0.3f, 0.4f, 0.1f},
            new boolean[] {true, true, false, false}));

    @Test
    void passesAtTheLimitsAndFailsAboveThem() {
        StreamOutcome tenPercent = new StreamOutcome(200, 9, 1, 1, 1.0);
        QualityGate atLimits = new QualityGate(OptionalDouble.of(0.1), 1, OptionalDouble.of(0.25));
        assertEquals(List.of(), atLimits.failures(CLIPS, tenPercent));
        QualityGate tighter = new QualityGate(OptionalDouble.of(0.05), 1, OptionalDouble.of(0.2));
        List<String> failures = tighter.failures(CLIPS, tenPercent);
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.get(0).contains("--max-frr") && failures.get(1).contains("--max-au-fa-fr"),
                failures.toString());
    }

    @Test
    void aDetectorThatMeetsNoBudgetMissesEveryKeyword() {
        StreamOutcome never = new StreamOutcome(StreamOutcome.NEVER, 0, 10, 0, 1.0);
        QualityGate gate = new QualityGate(OptionalDouble.of(0.99), 1, OptionalDouble.empty());
        assertEquals(1, gate.failures(CLIPS, never).size());
        assertTrue(QualityGate.NONE.failures(CLIPS, never).isEmpty());
    }

    @Test
    void ratesOutsideZeroToOneAreRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new QualityGate(OptionalDouble.of(10), 1, OptionalDouble.empty()));
        assertTrue(e.getMessage().startsWith("--max-frr"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new QualityGate(OptionalDouble.empty(), -1, OptionalDouble.empty()));
    }
}
