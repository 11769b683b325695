package dev.hark.trainer.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.testing.Slow;
import dev.hark.testing.TestAudio;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fine-tuning for streaming end to end on a tiny network and tiny streams (tones for the keyword among noise): it
 * learns, it keeps its best epoch, and a run that stopped after an epoch continues to the same weights as a run
 * that never stopped.
 */
@Slow
class StreamFineTunerTest {
    private static final CrnnConfig CONFIG = CrnnConfig.builder().optMels(FrontendConfig.MEL_BINS)
            .optConvChannels(2).optGruHidden(8).optGruLayers(1).build();
    private static final StreamSequences.StreamSource SOURCE = source();
    private static final List<StreamSequence> DEV = StreamSequences.draw(SOURCE, 4, 6, CONFIG,
            MatchingRule.MLPERF_TINY, 99);

    @TempDir
    Path dir;

    @Test
    void tunesKeepsTheBestEpochAndContinuesAfterAStopAsIfNeverStopped() throws IOException {
        CrnnWeights start = RandomCrnnWeights.of(CONFIG, 5);
        StreamFineTuner.Tuned straight = tune(start, dir.resolve("a"));
        assertEquals(3, straight.result().history().size());
        EpochStats best = straight.result().best();
        for (EpochStats e : straight.result().history()) {
            assertFalse(e.betterThan(best), "epoch " + e.epoch() + " beats the kept one");
        }
        assertFalse(Arrays.equals(start.get("fc.w"), straight.weights().get("fc.w")), "the weights moved");

        RunDirectory b = new RunDirectory(dir.resolve("b"));
        tune(start, b.root());
        Files.delete(b.checkpoint(3)); // as if killed during epoch 3
        StreamFineTuner.Tuned resumed = tune(start, b.root());
        for (String name : start.names()) {
            assertArrayEquals(straight.weights().get(name), resumed.weights().get(name), name);
        }
        assertEquals(straight.result().bestEpoch(), resumed.result().bestEpoch());
        for (int e = 0; e < 3; e++) {
            assertEquals(straight.result().history().get(e).devLoss(), resumed.result().history().get(e).devLoss());
        }
    }

    @Test
    void tunesWithTheMaxPoolingLossAndContinuesAfterAStopAsIfNeverStopped() throws IOException {
        CrnnWeights start = RandomCrnnWeights.of(CONFIG, 5);
        StreamTuningOptions maxPool = options(dir.resolve("a")).withLoss(StepLoss.MAX_POOL);
        StreamFineTuner.Tuned straight = StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT,
                StreamFineTunerTest::draw, DEV, 4, maxPool);
        EpochStats best = straight.result().best();
        for (EpochStats e : straight.result().history()) {
            assertTrue(Double.isFinite(e.devLoss()), "epoch " + e.epoch() + " dev loss " + e.devLoss());
            assertFalse(e.betterThan(best), "epoch " + e.epoch() + " beats the kept one");
        }
        assertFalse(Arrays.equals(start.get("fc.w"), straight.weights().get("fc.w")), "the weights moved");
        StreamFineTuner.Tuned crossEntropy = tune(start, dir.resolve("ce"));
        assertFalse(Arrays.equals(crossEntropy.weights().get("fc.w"), straight.weights().get("fc.w")),
                "the max-pooling loss trains otherwise than the per-step one");

        RunDirectory b = new RunDirectory(dir.resolve("b"));
        StreamTuningOptions again = maxPool.withRunDirectory(b.root());
        StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT, StreamFineTunerTest::draw, DEV, 4, again);
        Files.delete(b.checkpoint(3)); // as if killed during epoch 3
        StreamFineTuner.Tuned resumed = StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT,
                StreamFineTunerTest::draw, DEV, 4, again);
        for (String name : start.names()) {
            assertArrayEquals(straight.weights().get(name), resumed.weights().get(name), name);
        }
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> StreamFineTuner.tune(start,
                FrontendConfig.FEATURE_QUANT, StreamFineTunerTest::draw, DEV, 4, options(b.root())));
        assertTrue(e.getCause().getMessage().contains("options.loss"), e.getCause().getMessage());
    }

    @Test
    void refusesACheckpointOfAnotherRun() {
        CrnnWeights start = RandomCrnnWeights.of(CONFIG, 5);
        tune(start, dir);
        StreamTuningOptions other = options(dir).withLearningRate(1e-3f);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> StreamFineTuner.tune(start,
                FrontendConfig.FEATURE_QUANT, StreamFineTunerTest::draw, DEV, 4, other));
        assertTrue(e.getCause().getMessage().contains("options.learningRate"), e.getCause().getMessage());
    }

    private static StreamFineTuner.Tuned tune(CrnnWeights start, Path run) {
        return StreamFineTuner.tune(start, FrontendConfig.FEATURE_QUANT, StreamFineTunerTest::draw, DEV, 4,
                options(run));
    }

    private static StreamTuningOptions options(Path run) {
        return StreamTuningOptions.defaults().withEpochs(3).withSequences(6, 6).withBatch(3, 10)
                .withLearningRate(3e-3f).withSeed(7).withRunDirectory(run);
    }

    private static List<StreamSequence> draw(int count, double seconds, CrnnConfig config, long seed) {
        return StreamSequences.draw(SOURCE, count, seconds, config, MatchingRule.MLPERF_TINY, seed);
    }

    /** A rising tone as the keyword, noise and quiet hum as the rest; keywords 1 to 2 s apart. */
    private static StreamSequences.StreamSource source() {
        List<short[]> keywords = List.of(chirp(16000, 600, 1800), chirp(16000, 700, 2000));
        List<short[]> negatives = List.of(TestAudio.noise(16000, 2500, 1),
                TestAudio.noise(12000, 2500, 2), TestAudio.tone(16000, 120, 1500));
        return (seconds, seed) -> KeywordStreamBuilder.build(keywords, negatives, List.of(), seconds, 1, 2, seed);
    }

    private static short[] chirp(int n, double fromHz, double toHz) {
        short[] s = new short[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            phase += 2 * Math.PI * (fromHz + (toHz - fromHz) * i / n) / 16000;
            s[i] = (short) (9000 * Math.sin(phase));
        }
        return s;
    }
}
