package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.trainer.distill.DistillationOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings a cross-validation cannot run with are refused, each naming {@code hark crossval}'s option. */
@Fast
class CrossValidationSettingsTest {
    private static final DistillationOptions LOSS = new DistillationOptions(4, 0.7f, 0.3f);

    private static CrossValidationStage.Settings settings(int folds, List<Long> seeds, double devShare,
                                                          int resamples) {
        return new CrossValidationStage.Settings("sheila", folds, 1, seeds, 1, true, LOSS, devShare, resamples, 1);
    }

    private static String refusal(int folds, List<Long> seeds, double devShare, int resamples) {
        return assertThrows(IllegalArgumentException.class, () -> settings(folds, seeds, devShare, resamples))
                .getMessage();
    }

    @Test
    void valuesTheStageCannotUseAreRefusedNamingTheOption() {
        assertEquals("--folds must be at least 2, got 1", refusal(1, List.of(1L), 0.1, 10));
        assertEquals("--resamples must be at least 1, got 0", refusal(2, List.of(1L), 0.1, 0));
        assertEquals("--dev-share must be between 0 and 1, got 1.0", refusal(2, List.of(1L), 1, 10));
        assertEquals("--dev-share must be between 0 and 1, got 0.0", refusal(2, List.of(1L), 0, 10));
        assertEquals("--seeds repeats a seed: [1, 2, 1]", refusal(2, List.of(1L, 2L, 1L), 0.1, 10));
        assertEquals("--seeds must name at least one seed", refusal(2, List.of(), 0.1, 10));
    }

    @Test
    void theSmallestUsableValuesAreTaken() {
        CrossValidationStage.Settings smallest = settings(2, List.of(7L), 0.01, 1);
        assertEquals(List.of(7L), smallest.seeds());
    }
}
