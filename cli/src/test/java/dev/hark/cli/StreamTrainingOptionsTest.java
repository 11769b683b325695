package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.stream.StepLoss;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code hark train}'s options for listening: the stream loss as spelled on the command line. */
@Fast
class StreamTrainingOptionsTest {
    @Test
    void theStreamLossIsOffByDefaultAndMaxPoolAsksForItsFineTuning() {
        assertNull(parse().recipe(true).streamLoss());
        var recipe = parse("--stream-loss", "max-pool", "--stream-loss-epochs", "3").recipe(true);
        assertEquals(StepLoss.MAX_POOL, recipe.streamLoss().loss());
        assertEquals(3, recipe.streamLoss().epochs());
    }

    @Test
    void anUnknownStreamLossOrOneWithoutAugmentationIsRefusedNamingTheOption() {
        HarkException unknown = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "mean-pool").recipe(true));
        assertTrue(unknown.getMessage().startsWith("--stream-loss: unknown stream loss 'mean-pool'"),
                unknown.getMessage());
        HarkException notAugmented = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "max-pool").recipe(false));
        assertTrue(notAugmented.getMessage().contains("--stream-loss need --augment"), notAugmented.getMessage());
        HarkException epochs = assertThrows(HarkException.class,
                () -> parse("--stream-loss", "max-pool", "--stream-loss-epochs", "0").recipe(true));
        assertTrue(epochs.getMessage().contains("--stream-loss-epochs"), epochs.getMessage());
    }

    private static StreamTrainingOptions parse(String... args) {
        StreamTrainingOptions options = new StreamTrainingOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
