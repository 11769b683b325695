package dev.hark.cli;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import picocli.CommandLine.Option;

/**
 * Hard-negative mining as {@code hark train} and {@code hark distill} run it ({@link StreamTrainingRecipe}): by default
 * one round where training augments, none where it does not.
 */
final class MiningOptions {
    @Option(names = "--mining-rounds", description = "Rounds of hard-negative mining: after training, the model "
            + "listens to training-split streams without keywords, the second before each detection becomes a "
            + "negative, and the model is trained on with them; 0 for none (default: "
            + StreamTrainingRecipe.DEFAULT_MINING_ROUNDS + ", or 0 with --no-augment).")
    Integer miningRounds;

    @Option(names = "--mining-hours", description = "Hours of training-split streams each mining round listens to "
            + "(default: ${DEFAULT-VALUE}).")
    double miningHours = StreamTrainingRecipe.DEFAULT_MINING_HOURS;

    @Option(names = "--mining-threshold", description = "The detector's threshold while mining, 1 to 255 "
            + "(default: ${DEFAULT-VALUE}).")
    int miningThreshold = StreamTrainingRecipe.DEFAULT_MINING_THRESHOLD;

    @Option(names = "--mining-max", description = "The most windows one mining round adds, the strongest detections "
            + "first (default: ${DEFAULT-VALUE}).")
    int miningMax = StreamTrainingRecipe.DEFAULT_MAX_MINED_PER_ROUND;

    @Option(names = "--mining-epochs", description = "Epochs each mining round trains the previous round's model on "
            + "(default: ${DEFAULT-VALUE}).")
    int miningEpochs = StreamTrainingRecipe.DEFAULT_ROUND_EPOCHS;

    /**
     * The recipe of these options and {@code partialKeywords} negatives per keyword clip, checked before any work;
     * {@link StreamTrainingRecipe#NONE} when it adds nothing.
     *
     * @param augment whether training augments: mined and partial-keyword negatives are audio, augmented as the other
     *                clips
     * @throws HarkException naming the option out of range, or asking for negatives without augmentation
     */
    StreamTrainingRecipe recipe(boolean augment, int partialKeywords) {
        OptionCheck check = OptionCheck.BAD_INPUT;
        int rounds = miningRounds != null ? miningRounds : augment ? StreamTrainingRecipe.DEFAULT_MINING_ROUNDS : 0;
        check.atLeast("--mining-rounds", rounds, 0);
        check.positive("--mining-hours", miningHours);
        check.between("--mining-threshold", miningThreshold, 1, 255);
        check.atLeast("--mining-max", miningMax, 1);
        check.atLeast("--mining-epochs", miningEpochs, 1);
        return new StreamTrainingRecipe(partialKeywords, rounds, miningHours, miningThreshold, miningMax,
                miningEpochs);
    }

    /**
     * The mining recipe alone (no partial keywords, no stream loss), as {@code hark distill} takes it.
     *
     * @throws HarkException naming the option out of range, or asking for mining without augmentation
     */
    StreamTrainingRecipe recipe(boolean augment) {
        StreamTrainingRecipe recipe = recipe(augment, 0);
        if (!recipe.isNone() && !augment) {
            throw new HarkException(ExitCode.BAD_INPUT, "--mining-rounds needs --augment: mining trains on augmented"
                    + " clips");
        }
        return recipe;
    }
}
