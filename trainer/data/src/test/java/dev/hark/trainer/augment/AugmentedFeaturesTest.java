package dev.hark.trainer.augment;

import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.testing.Fast;
import dev.hark.trainer.data.Clip;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Fast
class AugmentedFeaturesTest {
    private static List<Clip> clips() {
        List<Clip> out = new ArrayList<>();
        String[] words = {"stop", "go", "stop", "_background_noise_", "left", "stop"};
        for (int i = 0; i < words.length; i++) {
            short[] s = TestSignals.toneBurst(3000 + 500 * i, 11000 + 300 * i, 2000 + 1000 * i);
            out.add(new Clip(Path.of("/clips/" + i + ".wav"), words[i], "spk" + i, s));
        }
        return out;
    }

    private static AugmentedFeatures features(long seed) {
        return AugmentedFeatures.of(clips(), "stop",
                new Augmenter(AugmentationConfig.defaults(), TestSignals.whiteBank(), seed));
    }

    @Test
    void labelsFollowTheKeywordAndNeverChange() {
        AugmentedFeatures f = features(1);
        assertEquals(6, f.size());
        int[] expected = {1, 0, 1, 0, 0, 1};
        for (int i = 0; i < f.size(); i++) {
            assertEquals(expected[i], f.label(i));
            f.features(i, 3);
            assertEquals(expected[i], f.label(i));
        }
    }

    @Test
    void featuresAreDeterministicInSeedIndexAndEpoch() {
        AugmentedFeatures a = features(11);
        AugmentedFeatures b = features(11);
        for (int i = 0; i < a.size(); i++) {
            byte[] f = a.features(i, 4);
            assertEquals(LogMelFrontend.frameCount(16000) * 40, f.length);
            assertArrayEquals(f, b.features(i, 4));
            assertArrayEquals(f, a.features(i, 4));
            assertFalse(Arrays.equals(f, a.features(i, 5)), "epoch 5 differs from epoch 4 for clip " + i);
        }
        assertFalse(Arrays.equals(a.features(0, 0), features(12).features(0, 0)), "another seed differs");
    }

    @Test
    void withoutAugmentationTheFeaturesAreTheCleanOnes() {
        List<Clip> clips = clips();
        AugmentedFeatures f = AugmentedFeatures.of(clips, "stop",
                new Augmenter(AugmentationConfig.none(), TestSignals.whiteBank(), 1));
        for (int i = 0; i < f.size(); i++) {
            byte[] clean = new LogMelFrontend().compute(clips.get(i).samples());
            assertArrayEquals(clean, f.features(i, 0));
            assertArrayEquals(clean, f.features(i, 9));
            assertArrayEquals(clean, f.cleanFeatures(i));
        }
    }

    @Test
    void parallelCallsGiveTheSequentialResults() throws Exception {
        AugmentedFeatures f = features(3);
        int epochs = 6;
        byte[][] sequential = new byte[f.size() * epochs][];
        for (int k = 0; k < sequential.length; k++) {
            sequential[k] = f.features(k % f.size(), k / f.size());
        }
        AugmentedFeatures fresh = features(3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int k = sequential.length - 1; k >= 0; k--) { // reverse order, interleaved across threads
                int index = k % f.size();
                int epoch = k / f.size();
                futures.add(pool.submit(() -> fresh.features(index, epoch)));
            }
            for (int j = 0; j < futures.size(); j++) {
                assertArrayEquals(sequential[sequential.length - 1 - j], futures.get(j).get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void mismatchedInputsAreRejected() {
        Augmenter a = new Augmenter(AugmentationConfig.none(), NoiseBank.empty(), 1);
        assertThrows(IllegalArgumentException.class,
                () -> new AugmentedFeatures(List.of(new short[16000]), new int[2], a));
        assertThrows(IllegalArgumentException.class,
                () -> new AugmentedFeatures(List.of(new short[0]), new int[1], a));
        AugmentedFeatures f = new AugmentedFeatures(List.of(new short[16000]), new int[] {0}, a);
        assertThrows(IndexOutOfBoundsException.class, () -> f.features(1, 0));
        assertThrows(IllegalArgumentException.class, () -> f.features(0, -1));
    }
}
