package dev.hark.cli;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.trainer.stream.StepLoss;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The negatives {@code hark train} adds for listening and the stream loss it may end with ({@link
 * StreamTrainingRecipe}, docs/training.md, "Training for streams"): partial keywords, mining rounds (by default one
 * where training augments, none where it does not; how a round listens and trains is {@link MiningOptions}) and the
 * stream loss.
 */
final class StreamTrainingOptions {
    private static final String NO_STREAM_LOSS = "none";

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

    @Option(names = "--stream-loss", description = "After the last mining round, fine-tune the model on keyword "
            + "streams of the training split with its state carried, by this loss over the streaming network's step outputs: "
            + "max-pool (the best step around each keyword's end must fire, the worst other step must not), "
            + "cross-entropy (every labelled step), or none (default: ${DEFAULT-VALUE}).")
    String streamLoss = NO_STREAM_LOSS;

    @Option(names = "--stream-loss-epochs", description = "Epochs of that fine-tuning, each over 256 fresh sequences "
            + "of 16 s (default: ${DEFAULT-VALUE}).")
    int streamLossEpochs = StreamTrainingRecipe.DEFAULT_STREAM_LOSS_EPOCHS;

    /**
     * The recipe these options ask for, checked before any work.
     *
     * @param augment whether training augments: the recipe's negatives are audio, augmented as the other clips
     */
    StreamTrainingRecipe recipe(boolean augment) {
        OptionCheck.BAD_INPUT.atLeast("--partial-keywords", partialKeywords, 0);
        OptionCheck.BAD_INPUT.atLeast("--stream-loss-epochs", streamLossEpochs, 1);
        int rounds = miningRounds != null ? miningRounds : augment ? StreamTrainingRecipe.DEFAULT_MINING_ROUNDS : 0;
        StreamTrainingRecipe recipe = mining.recipe(augment, rounds, partialKeywords);
        if (!streamLoss.equals(NO_STREAM_LOSS)) {
            StepLoss loss;
            try {
                loss = StepLoss.ofOptionName(streamLoss);
            } catch (IllegalArgumentException e) {
                throw new HarkException(ExitCode.BAD_INPUT, "--stream-loss: " + e.getMessage() + ", or none");
            }
            recipe = recipe.withStreamLoss(StreamTrainingRecipe.streamLoss(loss, streamLossEpochs));
        }
        if (recipe.streamLoss() != null && !augment) {
            throw new HarkException(ExitCode.BAD_INPUT, "--stream-loss needs --augment: the recipe trains on augmented "
                    + "clips");
        }
        return recipe;
    }
}
