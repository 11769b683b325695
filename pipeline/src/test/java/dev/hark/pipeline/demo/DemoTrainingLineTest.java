package dev.hark.pipeline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.testing.Fast;
import dev.hark.trainer.stream.StepLoss;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.TrainingResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's line on how the model was trained names every stage of the recipe and the last one's epochs. */
@Fast
class DemoTrainingLineTest {
    private static final TrainingResult LAST = new TrainingResult(List.of(new EpochStats(1, 0.5, 0.4, 0.9, 0.01, 10),
            new EpochStats(2, 0.4, 0.3, 0.95, 0.005, 12), new EpochStats(3, 0.3, 0.35, 0.94, 0.006, 14)), 2);

    @Test
    void theClipsAloneNameTheirOwnEpochs() {
        assertEquals("trained 3 epochs, best epoch 2 (12.00 s per epoch)",
                DemoRun.training(20, StreamTrainingRecipe.NONE, LAST));
    }

    @Test
    void theDefaultRecipeNamesItsRoundAndItsStreamLossBeforeTheLastEpochs() {
        assertEquals("trained 20 epochs, then 1 round of hard-negative mining (4 epochs each), then the cross-entropy "
                + "stream loss on varied sequences, the last 3 epochs, best epoch 2 (12.00 s per epoch)",
                DemoRun.training(20, StreamTrainingRecipe.DEFAULT, LAST));
        StreamTrainingRecipe twoRounds = new StreamTrainingRecipe(0, 2, 2, 128, 1000, 4);
        assertEquals("trained 20 epochs, then 2 rounds of hard-negative mining (4 epochs each), the last 3 epochs, "
                + "best epoch 2 (12.00 s per epoch)", DemoRun.training(20, twoRounds, LAST));
        StreamTrainingRecipe crossEntropy = StreamTrainingRecipe.NONE.withStreamLoss(
                StreamTrainingRecipe.streamLoss(StepLoss.CROSS_ENTROPY, 3), StreamSequenceKind.CLIPS);
        assertEquals("trained 20 epochs, then the cross-entropy stream loss on sequences of the clips as recorded, "
                + "the last 3 epochs, best epoch 2 (12.00 s per epoch)", DemoRun.training(20, crossEntropy, LAST));
    }
}
