package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Slow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming inside one JVM: from an older checkpoint, from a finished run, and refusing another run's files. */
@Slow
class CheckpointResumeTest {
    private static final List<Example> TRAIN = ToyProblem.clips(TrainingRunMain.CONFIG, 96, 0.4, 31);
    private static final List<Example> DEV = ToyProblem.clips(TrainingRunMain.CONFIG, 32, 0.4, 32);

    @TempDir
    Path dir;

    @Test
    void continuingFromAnEarlierCheckpointEndsLikeTheStraightRun() {
        String straight = run(dir.resolve("a"), 4, 3);
        RunDirectory b = new RunDirectory(dir.resolve("b"));
        String first = run(b.root(), 4, 3);
        assertEquals(straight, first);
        try {
            Files.delete(b.checkpoint(4)); // as if killed during epoch 4
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(straight, run(b.root(), 4, 3));
        assertEquals(straight, run(b.root(), 4, 3), "a finished run is restored, not retrained");
    }

    @Test
    void refusesACheckpointOfADifferentRun() {
        run(dir.resolve("c"), 2, 3);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> run(dir.resolve("c"), 2, 4));
        assertTrue(e.getCause() instanceof CheckpointException, e.toString());
        assertTrue(e.getCause().getMessage().contains("options.seed was 3, now 4"), e.getCause().getMessage());
    }

    @Test
    void refusesACorruptedCheckpoint() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("d"));
        run(run.root(), 2, 3);
        byte[] bytes = Files.readAllBytes(run.checkpoint(2));
        bytes[bytes.length / 3] ^= 1;
        Files.write(run.checkpoint(2), bytes);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> run(run.root(), 2, 3));
        assertTrue(e.getCause().getMessage().startsWith(run.checkpoint(2).toString()), e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("SHA-256 mismatch"), e.getCause().getMessage());
    }

    private static String run(Path runDir, int epochs, long seed) {
        TrainingOptions options = TrainingOptions.builder().optEpochs(epochs).optBatchSize(16).optSeed(seed)
                .optRunDirectory(runDir).optProgress(null).build();
        try (TrainedCrnn trained = CrnnTrainer.trainNew(TrainingRunMain.CONFIG, TRAIN, DEV, ToyProblem.QUANT,
                options)) {
            return TrainingRunMain.describe(trained);
        }
    }
}
