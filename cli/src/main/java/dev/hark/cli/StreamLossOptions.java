package dev.hark.cli;

import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.trainer.stream.StepLoss;
import picocli.CommandLine.Option;

/**
 * The stream loss a training may end with ({@link StreamTrainingRecipe#streamLoss()}), for {@code hark train} and
 * {@code hark crossval}: fine-tuning on keyword streams of training material with the state carried. By default
 * {@code hark train} ends with {@link StreamTrainingRecipe#DEFAULT}'s where it augments, {@code hark crossval} with
 * none.
 */
final class StreamLossOptions {
    private static final String NONE = "none";

    /** Whether the command's default is the default recipe's stream loss (where training augments) or none. */
    private final boolean recipeByDefault;

    StreamLossOptions(boolean recipeByDefault) {
        this.recipeByDefault = recipeByDefault;
    }

    @Option(names = "--stream-loss", description = "After the last mining round, fine-tune the model on keyword "
            + "streams of the training material (the training split, or a fold's training speakers) with its state "
            + "carried, by this loss over the streaming network's step outputs: max-pool (the best step around each "
            + "keyword's end must fire, the worst other step must not), cross-entropy (every labelled step), or none "
            + "(default: hark train's recipe, cross-entropy, where training augments; none for hark crossval and "
            + "without augmentation).")
    String loss;

    @Option(names = "--stream-loss-epochs", description = "Epochs of that fine-tuning, each over 256 fresh sequences "
            + "of 16 s (default: ${DEFAULT-VALUE}).")
    int epochs = StreamTrainingRecipe.DEFAULT_STREAM_LOSS_EPOCHS;

    @Option(names = "--stream-loss-sequences", description = "What that fine-tuning's sequences are made of: clips "
            + "(the clips as recorded, glued end to end with background excerpts) or varied (every piece cropped and "
            + "varied as the sound stream measurement's: speed, shift, noise, gain) (default: ${DEFAULT-VALUE}).")
    String sequences = StreamTrainingRecipe.DEFAULT_STREAM_LOSS_SEQUENCES.optionName();

    /**
     * {@code recipe} with the stream loss these options ask for, checked before any work.
     *
     * @param augment whether training augments: the recipe trains on augmented clips
     */
    StreamTrainingRecipe applyTo(StreamTrainingRecipe recipe, boolean augment) {
        OptionCheck.BAD_INPUT.atLeast("--stream-loss-epochs", epochs, 1);
        StreamSequenceKind kind;
        try {
            kind = StreamSequenceKind.ofOptionName(sequences);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--stream-loss-sequences: " + e.getMessage());
        }
        String asked = loss != null ? loss : recipeByDefault && augment
                ? StreamTrainingRecipe.DEFAULT_STREAM_LOSS.optionName() : NONE;
        if (asked.equals(NONE)) {
            return recipe;
        }
        StepLoss stepLoss;
        try {
            stepLoss = StepLoss.ofOptionName(asked);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--stream-loss: " + e.getMessage() + ", or none");
        }
        if (!augment) {
            throw new HarkException(ExitCode.BAD_INPUT, "--stream-loss needs --augment: the recipe trains on augmented "
                    + "clips");
        }
        return recipe.withStreamLoss(StreamTrainingRecipe.streamLoss(stepLoss, epochs), kind);
    }
}
