package dev.hark.pipeline.distill;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.trainer.augment.BenchmarkData;
import java.util.Optional;

/**
 * Hard-negative mining for every model of a zoo, the rounds {@code hark train} runs for its model
 * ({@link StreamTrainingRecipe}): after a model's training it listens to TRAIN-split streams without keywords, the
 * second before each of its detections becomes a negative clip, and it trains on from there with the augmented TRAIN
 * clips and every negative it mined so far; a student still against its teacher, which has had its own rounds first.
 *
 * @param data   the data set whose TRAIN split the rounds train on and listen to
 * @param recipe mining rounds only: partial keywords and the stream loss are {@code hark train}'s
 */
public record ZooMining(BenchmarkData data, StreamTrainingRecipe recipe) {
    /** @throws IllegalArgumentException if the recipe has partial keywords or a stream loss, or no rounds */
    public ZooMining {
        if (recipe.partialKeywords() != 0 || recipe.streamLoss() != null) {
            throw new IllegalArgumentException("a zoo mines only: partial keywords and the stream loss train the "
                    + "baseline model alone (hark train)");
        }
        if (recipe.miningRounds() == 0) {
            throw new IllegalArgumentException("a zoo's mining needs at least one round");
        }
    }

    /** Mining by {@code recipe}, or none when it has no rounds. */
    public static Optional<ZooMining> of(BenchmarkData data, StreamTrainingRecipe recipe) {
        return recipe.miningRounds() == 0 ? Optional.empty() : Optional.of(new ZooMining(data, recipe));
    }
}
