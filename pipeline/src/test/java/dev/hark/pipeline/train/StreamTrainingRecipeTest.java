package dev.hark.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/** What a round's fingerprint names: what decides that round's model, and nothing else. */
@Fast
class StreamTrainingRecipeTest {
    @Test
    void aRoundsFingerprintDoesNotDependOnHowManyRoundsFollowIt() {
        StreamTrainingRecipe one = new StreamTrainingRecipe(2, 1, 2, 128, 1000, 4);
        StreamTrainingRecipe three = new StreamTrainingRecipe(2, 3, 2, 128, 1000, 4);
        assertEquals(one.fingerprint(0), three.fingerprint(0));
        assertEquals(one.fingerprint(1), three.fingerprint(1));
        assertNotEquals(three.fingerprint(1), three.fingerprint(2));
    }

    @Test
    void roundZeroNamesThePartialKeywordsButNotTheMiningSettingsItDoesNotUse() {
        StreamTrainingRecipe mined = new StreamTrainingRecipe(2, 1, 2, 128, 1000, 4);
        assertEquals(mined.fingerprint(0), new StreamTrainingRecipe(2, 1, 0.5, 64, 10, 2).fingerprint(0));
        assertEquals(mined.fingerprint(0), new StreamTrainingRecipe(2, 0, 2, 128, 1000, 4).fingerprint(0));
        assertNotEquals(mined.fingerprint(0), new StreamTrainingRecipe(3, 1, 2, 128, 1000, 4).fingerprint(0));
        assertNotEquals(mined.fingerprint(1), new StreamTrainingRecipe(2, 1, 2, 128, 1000, 5).fingerprint(1));
        assertNotEquals(mined.fingerprint(1), new StreamTrainingRecipe(2, 1, 2, 100, 1000, 4).fingerprint(1));
    }

    @Test
    void noRecipeHasTheFingerprintOfModelsTrainedBeforeRecipesExisted() {
        assertEquals("", StreamTrainingRecipe.NONE.fingerprint(0));
    }

    @Test
    void aRoundTheRecipeDoesNotHaveIsRefused() {
        StreamTrainingRecipe one = new StreamTrainingRecipe(2, 1, 2, 128, 1000, 4);
        assertThrows(IllegalArgumentException.class, () -> one.fingerprint(2));
        assertThrows(IllegalArgumentException.class, () -> one.fingerprint(-1));
    }
}
