package dev.hark.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.stream.StepLoss;
import dev.hark.trainer.stream.StreamTuningOptions;
import java.nio.file.Path;
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
    void roundZeroOfMiningAloneIsThePlainTrainingSoAModelTrainedWithoutMiningIsItsRoundZero() {
        assertEquals("", StreamTrainingRecipe.DEFAULT.fingerprint(0));
        assertNotEquals("", StreamTrainingRecipe.DEFAULT.fingerprint(1));
        assertNotEquals("", new StreamTrainingRecipe(1, 1, 2, 128, 1000, 4).fingerprint(0),
                "partial keywords change round 0's clips");
        assertTrue(StreamTrainingRecipe.NONE.isNone());
        assertFalse(StreamTrainingRecipe.DEFAULT.isNone());
    }

    @Test
    void theStreamLossLeavesTheRoundsAsTheyAreAndItsOwnFingerprintNamesItsSettings() {
        StreamTrainingRecipe mined = new StreamTrainingRecipe(0, 1, 2, 128, 1000, 4);
        StreamTrainingRecipe maxPool = mined.withStreamLoss(StreamTrainingRecipe.streamLoss(StepLoss.MAX_POOL, 6));
        assertFalse(maxPool.isNone());
        assertFalse(StreamTrainingRecipe.NONE.withStreamLoss(maxPool.streamLoss()).isNone());
        assertEquals(mined.fingerprint(0), maxPool.fingerprint(0));
        assertEquals(mined.fingerprint(1), maxPool.fingerprint(1));
        assertEquals("", StreamTrainingRecipe.NONE.withStreamLoss(maxPool.streamLoss()).fingerprint(0),
                "a plain training is the stream loss's round 0");
        assertNotEquals(maxPool.streamLossFingerprint(1), maxPool.streamLossFingerprint(2));
        assertNotEquals(maxPool.streamLossFingerprint(1), mined.withStreamLoss(
                StreamTrainingRecipe.streamLoss(StepLoss.CROSS_ENTROPY, 6)).streamLossFingerprint(1));
        assertNotEquals(maxPool.streamLossFingerprint(1), mined.withStreamLoss(
                StreamTrainingRecipe.streamLoss(StepLoss.MAX_POOL, 5)).streamLossFingerprint(1));
        assertEquals(maxPool.streamLossFingerprint(1), mined.withStreamLoss(maxPool.streamLoss()
                .withRunDirectory(Path.of("elsewhere"))).streamLossFingerprint(1),
                "where checkpoints go decides nothing");
        assertThrows(IllegalStateException.class, () -> mined.streamLossFingerprint(1));
    }

    @Test
    void variedSequencesAreNamedAndTheClipsNotSoThatEarlierModelsKeepTheirFingerprint() {
        StreamTrainingRecipe mined = new StreamTrainingRecipe(0, 1, 2, 128, 1000, 4);
        StreamTuningOptions loss = StreamTrainingRecipe.streamLoss(StepLoss.MAX_POOL, 6);
        StreamTrainingRecipe clips = mined.withStreamLoss(loss);
        StreamTrainingRecipe varied = mined.withStreamLoss(loss, StreamSequenceKind.VARIED);
        assertEquals(StreamSequenceKind.CLIPS, clips.streamLossSequences());
        assertEquals(clips.streamLossFingerprint(1), mined.withStreamLoss(loss, StreamSequenceKind.CLIPS)
                .streamLossFingerprint(1));
        assertFalse(clips.streamLossFingerprint(1).contains("sequences="), clips.streamLossFingerprint(1));
        assertEquals(clips.streamLossFingerprint(1) + " sequences=varied", varied.streamLossFingerprint(1));
        assertEquals(mined.fingerprint(1), varied.fingerprint(1), "the rounds before it are the same models");
    }

    @Test
    void theStreamLossSettingsOfACrossValidationLeaveOutTheSeedWhichIsEachFoldersOwn() {
        StreamTrainingRecipe varied = StreamTrainingRecipe.NONE.withStreamLoss(
                StreamTrainingRecipe.streamLoss(StepLoss.MAX_POOL, 3), StreamSequenceKind.VARIED);
        String settings = varied.streamLossSettings();
        assertFalse(settings.contains("seed"), settings);
        assertTrue(settings.contains("epochs=3") && settings.contains("MAX_POOL") && settings.endsWith(
                " sequences=varied"), settings);
        assertThrows(IllegalStateException.class, () -> StreamTrainingRecipe.NONE.streamLossSettings());
    }

    @Test
    void aRoundTheRecipeDoesNotHaveIsRefused() {
        StreamTrainingRecipe one = new StreamTrainingRecipe(2, 1, 2, 128, 1000, 4);
        assertThrows(IllegalArgumentException.class, () -> one.fingerprint(2));
        assertThrows(IllegalArgumentException.class, () -> one.fingerprint(-1));
    }
}
