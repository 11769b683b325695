package dev.hark.cli;

import dev.hark.pipeline.train.StreamTrainingRecipe;
import picocli.CommandLine.Option;

/**
 * How hard-negative mining listens and trains, for {@code hark train}, {@code hark distill} and {@code hark crossval}
 * ({@link StreamTrainingRecipe}); each command has its own {@code --mining-rounds}, for their defaults differ.
 */
final class MiningOptions {
    @Option(names = "--mining-hours", description = "Hours of streams of training material (the training split, or a fold's "
            + "training speakers) each mining round listens to "
            + "(default: ${DEFAULT-VALUE}).")
    double miningHours = StreamTrainingRecipe.DEFAULT_MINING_HOURS;

    @Option(names = "--mining-threshold", description = "The detector's threshold while mining, a keyword score of "
            + "1 to 255 (128: even odds; default: ${DEFAULT-VALUE}).")
    int miningThreshold = StreamTrainingRecipe.DEFAULT_MINING_THRESHOLD;

    @Option(names = "--mining-max", description = "The most windows one mining round adds, the strongest detections "
            + "first (default: ${DEFAULT-VALUE}).")
    int miningMax = StreamTrainingRecipe.DEFAULT_MAX_MINED_PER_ROUND;

    @Option(names = "--mining-epochs", description = "Epochs each mining round trains the previous round's model on "
            + "(default: ${DEFAULT-VALUE}).")
    int miningEpochs = StreamTrainingRecipe.DEFAULT_ROUND_EPOCHS;

    /**
     * The recipe of {@code rounds} rounds by these options and {@code partialKeywords} negatives per keyword clip,
     * checked before any work.
     *
     * @param augment whether training augments: mined and partial-keyword negatives are audio, augmented as the other
     *                clips
     * @throws HarkException naming the option out of range, or asking for negatives without augmentation
     */
    StreamTrainingRecipe recipe(boolean augment, int rounds, int partialKeywords) {
        OptionCheck check = OptionCheck.BAD_INPUT;
        check.atLeast("--mining-rounds", rounds, 0);
        check.positive("--mining-hours", miningHours);
        check.between("--mining-threshold", miningThreshold, 1, 255);
        check.atLeast("--mining-max", miningMax, 1);
        check.atLeast("--mining-epochs", miningEpochs, 1);
        StreamTrainingRecipe recipe = new StreamTrainingRecipe(partialKeywords, rounds, miningHours, miningThreshold,
                miningMax, miningEpochs);
        if (!recipe.isNone() && !augment) {
            throw new HarkException(ExitCode.BAD_INPUT, (partialKeywords > 0 ? "--partial-keywords" : "--mining-rounds")
                    + " needs --augment: the negatives are audio, augmented as the other clips");
        }
        return recipe;
    }
}
