package dev.hark.pipeline.distill;

import dev.hark.pipeline.train.HardNegativeMining;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hard-negative mining for every model of a zoo, the rounds {@code hark train} runs for its model
 * ({@link StreamTrainingRecipe}): after a model's training it listens to streams of training material without
 * keywords, the second before each of its detections becomes a negative clip, and it trains on from there with the
 * augmented training clips and every negative it mined so far; a student still against its teacher, which has had
 * its own rounds first.
 *
 * @param data     the data set whose clips the rounds train on and listen to
 * @param recipe   mining rounds only: partial keywords and the stream loss are {@code hark train}'s
 * @param speakers the speakers whose word clips train and are listened to (a cross-validation fold's training
 *                 speakers, whatever their split), or empty for the TRAIN split's
 */
public record ZooMining(BenchmarkData data, StreamTrainingRecipe recipe, Optional<Set<String>> speakers) {
    /** @throws IllegalArgumentException if the recipe has partial keywords or a stream loss, or no rounds */
    public ZooMining {
        requireMiningOnly(recipe, "a zoo");
        if (recipe.miningRounds() == 0) {
            throw new IllegalArgumentException("a zoo's mining needs at least one round");
        }
        speakers = speakers.map(Set::copyOf);
    }

    /**
     * @param who what mines, for the message ("a zoo")
     * @throws IllegalArgumentException if the recipe has partial keywords or a stream loss, which train the baseline
     *                                  model alone
     */
    public static void requireMiningOnly(StreamTrainingRecipe recipe, String who) {
        if (recipe.partialKeywords() != 0 || recipe.streamLoss() != null) {
            throw new IllegalArgumentException(who + " mines only: partial keywords and the stream loss train the "
                    + "baseline model alone (hark train)");
        }
    }

    /** Mining on the TRAIN split. */
    public ZooMining(BenchmarkData data, StreamTrainingRecipe recipe) {
        this(data, recipe, Optional.empty());
    }

    /** Mining on the TRAIN split by {@code recipe}, or none when it has no rounds. */
    public static Optional<ZooMining> of(BenchmarkData data, StreamTrainingRecipe recipe) {
        return recipe.miningRounds() == 0 ? Optional.empty() : Optional.of(new ZooMining(data, recipe));
    }

    /** The word clips the rounds train on. */
    public List<ClipFile> words() {
        return speakers.map(data::wordClips).orElseGet(() -> data.wordClips(Split.TRAIN));
    }

    /** What the rounds listen to. */
    public HardNegativeMining.Material material() {
        return speakers.map(s -> HardNegativeMining.Material.trainingSpeakers(data, s))
                .orElseGet(() -> HardNegativeMining.Material.trainingSplit(data));
    }
}
