package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.testing.Fast;
import dev.hark.trainer.stream.StepLoss;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hark train}'s options for listening: the stream loss as spelled on the command line. */
@Fast
class StreamTrainingOptionsTest {
    @Test
    void theStreamLossIsOffWhenAskedOrWithoutAugmentationAndEachOfItsSettingsIsTaken() {
        assertNull(parse("--stream-loss", "none").recipe(true).streamLoss());
        assertNull(parse().recipe(false).streamLoss());
        var recipe = parse("--stream-loss", "max-pool", "--stream-loss-epochs", "5").recipe(true);
        assertEquals(StepLoss.MAX_POOL, recipe.streamLoss().loss());
        assertEquals(5, recipe.streamLoss().epochs());
    }

    @Test
    void anUnknownStreamLossOrOneWithoutAugmentationIsRefusedNamingTheOption() {
        HarkException unknown = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "mean-pool").recipe(true));
        assertTrue(unknown.getMessage().startsWith("--stream-loss: unknown stream loss 'mean-pool'"),
                unknown.getMessage());
        HarkException notAugmented = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "max-pool").recipe(false));
        assertTrue(notAugmented.getMessage().startsWith("--stream-loss needs --augment"), notAugmented.getMessage());
        HarkException epochs = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "max-pool", "--stream-loss-epochs", "0").recipe(true));
        assertTrue(epochs.getMessage().contains("--stream-loss-epochs"), epochs.getMessage());
    }

    @Test
    void byDefaultAnAugmentedTrainingMinesOneRoundEndsWithTheStreamLossAndOneWithoutAugmentationTrainsOnTheClipsAlone() {
        assertEquals(StreamTrainingRecipe.DEFAULT, parse().recipe(true));
        assertEquals(1, parse().recipe(true).miningRounds());
        assertEquals(StepLoss.CROSS_ENTROPY, parse().recipe(true).streamLoss().loss());
        assertEquals(StreamSequenceKind.VARIED, parse().recipe(true).streamLossSequences());
        assertTrue(parse().recipe(false).isNone());
        assertTrue(parse("--mining-rounds", "0", "--stream-loss", "none").recipe(true).isNone());
        assertEquals(0, parse("--mining-rounds", "0").recipe(true).miningRounds());
        assertEquals(StreamSequenceKind.CLIPS, parse("--stream-loss-sequences", "clips").recipe(true)
                .streamLossSequences());
        assertEquals(2, parse("--mining-rounds", "2").recipe(true).miningRounds());
        HarkException asked = assertThrows(HarkException.class, () -> parse("--mining-rounds", "1").recipe(false));
        assertTrue(asked.getMessage().startsWith("--mining-rounds needs --augment"), asked.getMessage());
        HarkException negative = assertThrows(HarkException.class, () -> parse("--mining-rounds", "-1").recipe(true));
        assertTrue(negative.getMessage().contains("--mining-rounds"), negative.getMessage());
    }

    private static StreamTrainingOptions parse(String... args) {
        StreamTrainingOptions options = new StreamTrainingOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
