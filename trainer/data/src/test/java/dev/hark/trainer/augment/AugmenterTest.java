package dev.hark.trainer.augment;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class AugmenterTest {
    private static final short[] CLIP = TestSignals.toneBurst(5000, 11000, 6000);

    private static Augmenter augmenter(AugmentationConfig config, long seed) {
        return new Augmenter(config, TestSignals.whiteBank(), seed);
    }

    @Test
    void sameSeedIndexEpochGivesIdenticalAudioWhateverTheCallOrder() {
        Augmenter a = augmenter(AugmentationConfig.defaults(), 42);
        Augmenter b = augmenter(AugmentationConfig.defaults(), 42);
        short[] first = a.augment(CLIP, 7, 3);
        for (int i = 0; i < 20; i++) {
            b.augment(CLIP, i, i % 4); // other clips first must not disturb clip 7
        }
        assertArrayEquals(first, b.augment(CLIP, 7, 3));
        assertEquals(a.plan(7, 3, CLIP.length), b.plan(7, 3, CLIP.length));
    }

    @Test
    void differentEpochsIndicesAndSeedsGiveDifferentPlans() {
        Augmenter a = augmenter(AugmentationConfig.defaults(), 42);
        Set<AugmentationPlan> plans = new HashSet<>();
        for (int e = 0; e < 10; e++) {
            plans.add(a.plan(7, e, CLIP.length));
        }
        assertEquals(10, plans.size());
        assertNotEquals(a.plan(7, 0, CLIP.length), a.plan(8, 0, CLIP.length));
        assertNotEquals(a.plan(7, 0, CLIP.length), augmenter(AugmentationConfig.defaults(), 43).plan(7, 0, CLIP.length));
        assertFalse(java.util.Arrays.equals(a.augment(CLIP, 7, 0), a.augment(CLIP, 7, 1)));
    }

    @Test
    void plansStayInRangeAndTransformsFireAtTheirProbabilities() {
        AugmentationConfig c = AugmentationConfig.defaults()
                .withSpeed(0.3, 0.9, 1.1).withShift(0.6, 100).withNoise(0.8, 0, 20).withGain(0.5, -6, 6);
        Augmenter a = augmenter(c, 5);
        int n = 4000;
        int speed = 0;
        int shift = 0;
        int noise = 0;
        int gain = 0;
        for (int i = 0; i < n; i++) {
            AugmentationPlan p = a.plan(i, i % 3, CLIP.length);
            if (p.changesSpeed()) {
                speed++;
                assertTrue(p.speed() >= 0.9 - 1e-9 && p.speed() <= 1.1 + 1e-9, "speed " + p.speed());
                assertEquals(0, Math.round(p.speed() * 16000) % 100, "speed on the 100 Hz grid");
            }
            if (p.shiftSamples() != 0) {
                shift++;
                assertTrue(Math.abs(p.shiftSamples()) <= 1600, "shift " + p.shiftSamples());
            }
            if (p.addsNoise()) {
                noise++;
                assertTrue(p.snrDb() >= 0 && p.snrDb() <= 20, "snr " + p.snrDb());
                assertTrue(p.noiseOffset() + CLIP.length <= a.noise().length(p.noiseRecording()), "excerpt fits");
            }
            if (p.changesGain()) {
                gain++;
                assertTrue(p.gainDb() >= -6 && p.gainDb() <= 6, "gain " + p.gainDb());
            }
        }
        assertNear(0.3, speed, n, 0.05); // a drawn factor can round to exactly 1.0
        assertNear(0.6, shift, n, 0.01);
        assertNear(0.8, noise, n, 0);
        assertNear(0.5, gain, n, 0);
    }

    private static void assertNear(double p, int hits, int n, double slack) {
        double sigma = Math.sqrt(p * (1 - p) / n);
        double observed = (double) hits / n;
        assertTrue(observed <= p + 4 * sigma && observed >= p - 4 * sigma - slack,
                "expected about " + p + ", observed " + observed);
    }

    @Test
    void changingOneProbabilityLeavesTheOtherDrawsAlone() {
        AugmentationConfig all = AugmentationConfig.defaults().withSpeed(1, 0.9, 1.1).withNoise(1, 0, 20);
        AugmentationConfig noNoise = all.withNoise(0, 0, 20);
        for (int i = 0; i < 50; i++) {
            AugmentationPlan p = augmenter(all, 9).plan(i, 2, CLIP.length);
            AugmentationPlan q = augmenter(noNoise, 9).plan(i, 2, CLIP.length);
            assertEquals(p.speed(), q.speed());
            assertEquals(p.shiftSamples(), q.shiftSamples());
            assertEquals(p.gainDb(), q.gainDb());
            assertFalse(q.addsNoise());
        }
    }

    @Test
    void noAugmentationReturnsTheClipUnchanged() {
        Augmenter a = augmenter(AugmentationConfig.none(), 1);
        for (int i = 0; i < 10; i++) {
            assertEquals(AugmentationPlan.IDENTITY, a.plan(i, i, CLIP.length));
            assertArrayEquals(CLIP, a.augment(CLIP, i, i));
        }
    }

    @Test
    void emptyNoiseBankNeverMixesNoise() {
        Augmenter a = new Augmenter(AugmentationConfig.defaults().withNoise(1, 0, 20), NoiseBank.empty(), 1);
        for (int i = 0; i < 100; i++) {
            assertFalse(a.plan(i, 0, CLIP.length).addsNoise());
        }
    }

    @Test
    void theInputClipIsNotModified() {
        short[] copy = CLIP.clone();
        augmenter(AugmentationConfig.defaults(), 3).augment(copy, 0, 0);
        assertArrayEquals(CLIP, copy);
    }

    @Test
    void badArgumentsAreRejected() {
        Augmenter a = augmenter(AugmentationConfig.defaults(), 1);
        assertThrows(IllegalArgumentException.class, () -> a.plan(-1, 0, 16000));
        assertThrows(IllegalArgumentException.class, () -> a.plan(0, -1, 16000));
        assertThrows(IllegalArgumentException.class, () -> a.apply(new short[0], AugmentationPlan.IDENTITY));
        assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.defaults().withGain(1.5, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.defaults().withNoise(1, 20, 0));
        assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.defaults().withSpeed(1, 0.2, 1));
        assertThrows(IllegalArgumentException.class, () -> AugmentationConfig.defaults().withShift(1, 900));
    }
}
