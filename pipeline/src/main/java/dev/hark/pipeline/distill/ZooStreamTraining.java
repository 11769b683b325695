package dev.hark.pipeline.distill;

import dev.hark.pipeline.train.HardNegativeMining;
import dev.hark.pipeline.train.StreamSequenceTuning;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainingSpeakers;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.Split;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Training for listening for every model of a zoo, as {@code hark train} trains its model ({@link
 * StreamTrainingRecipe}): hard-negative mining rounds (after a model's training it listens to streams of training
 * material without keywords, the second before each of its detections becomes a negative clip, and it trains on from
 * there with the augmented training clips and every negative it mined so far; a student still against its teacher,
 * which has had its own rounds first), then, when the recipe has one, the stream loss's fine-tuning on keyword
 * streams with the state carried ({@link StreamSequenceTuning}).
 *
 * @param data     the data set whose clips the rounds train on and listen to
 * @param recipe   mining rounds and the stream loss: partial keywords are {@code hark train}'s alone
 * @param speakers the speakers whose word clips train and are listened to and those that choose the stream loss's
 *                 epoch (a cross-validation fold's, whatever their split), or empty for the TRAIN and DEV splits
 */
public record ZooStreamTraining(BenchmarkData data, StreamTrainingRecipe recipe, Optional<TrainingSpeakers> speakers) {
    /** @throws IllegalArgumentException if the recipe has partial keywords, or neither rounds nor a stream loss */
    public ZooStreamTraining {
        requireZooRecipe(recipe, "a zoo");
        if (recipe.miningRounds() == 0 && recipe.streamLoss() == null) {
            throw new IllegalArgumentException("a zoo's training for streams needs a mining round or a stream loss");
        }
    }

    /**
     * @param who what trains, for the message ("a zoo")
     * @throws IllegalArgumentException if the recipe has partial keywords, which train the baseline model alone
     */
    public static void requireZooRecipe(StreamTrainingRecipe recipe, String who) {
        if (recipe.partialKeywords() != 0) {
            throw new IllegalArgumentException(who + " mines and fine-tunes on streams only: partial keywords train "
                    + "the baseline model alone (hark train)");
        }
    }

    /** On the TRAIN split (the DEV split choosing the stream loss's epoch). */
    public ZooStreamTraining(BenchmarkData data, StreamTrainingRecipe recipe) {
        this(data, recipe, Optional.empty());
    }

    /** On the TRAIN split by {@code recipe}, or nothing when it has neither rounds nor a stream loss. */
    public static Optional<ZooStreamTraining> of(BenchmarkData data, StreamTrainingRecipe recipe) {
        return recipe.miningRounds() == 0 && recipe.streamLoss() == null ? Optional.empty()
                : Optional.of(new ZooStreamTraining(data, recipe));
    }

    /** The word clips the rounds train on. */
    public List<ClipFile> words() {
        return speakers.map(s -> data.wordClips(s.training())).orElseGet(() -> data.wordClips(Split.TRAIN));
    }

    /** What the rounds listen to. */
    public HardNegativeMining.Material material() {
        return speakers.map(s -> HardNegativeMining.Material.trainingSpeakers(data, s.training()))
                .orElseGet(() -> HardNegativeMining.Material.trainingSplit(data));
    }

    /**
     * What the stream loss's sequences are made of ({@link StreamTrainingRecipe#streamLossSequences()}).
     *
     * @throws IllegalArgumentException if that material lacks keyword clips or other audio
     */
    public StreamSequenceTuning.Sources sequences() throws IOException {
        return StreamSequenceTuning.sources(data, recipe.streamLossSequences(), speakers);
    }
}
