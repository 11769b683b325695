package dev.hark.cli;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The negatives {@code hark train} adds for listening and the stream loss it may end with ({@link
 * StreamTrainingRecipe}, docs/training.md, "Training for streams"): partial keywords, mining rounds (by default one
 * where training augments, none where it does not; how a round listens and trains is {@link MiningOptions}) and the
 * stream loss.
 */
final class StreamTrainingOptions {
    @Option(names = "--partial-keywords", description = "Partial-keyword negatives per training keyword clip: the "
            + "first or last 30-70%% of the keyword spliced with another training word; 0 for none (default: "
            + "${DEFAULT-VALUE}).")
    int partialKeywords = StreamTrainingRecipe.DEFAULT_PARTIAL_KEYWORDS;

    @Option(names = "--mining-rounds", description = "Rounds of hard-negative mining: after training, the model "
            + "listens to training-split streams without keywords, the second before each detection becomes a "
            + "negative, and the model is trained on with them; 0 for none (default: "
            + StreamTrainingRecipe.DEFAULT_MINING_ROUNDS + ", or 0 with --no-augment).")
    Integer miningRounds;

    @Mixin
    MiningOptions mining = new MiningOptions();

    @Mixin
    StreamLossOptions streamLoss = new StreamLossOptions(true);

    /**
     * The recipe these options ask for, checked before any work.
     *
     * @param augment whether training augments: the recipe's negatives are audio, augmented as the other clips
     */
    StreamTrainingRecipe recipe(boolean augment) {
        OptionCheck.BAD_INPUT.atLeast("--partial-keywords", partialKeywords, 0);
        int rounds = miningRounds != null ? miningRounds : augment ? StreamTrainingRecipe.DEFAULT_MINING_ROUNDS : 0;
        return streamLoss.applyTo(mining.recipe(augment, rounds, partialKeywords), augment);
    }
}
