package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The shrinker against stand-in checks: it keeps what makes a case differ and drops everything else. */
@Fast
class ShrinkerTest {
    private static final CrnnConfig BIG = CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(3)
            .optKernelTime(6).optKernelMel(3).optStrideTime(3).optStrideMel(2).optGruHidden(10).optGruLayers(2)
            .optAttention(true).optClasses(4).build();

    @Test
    void aWholeClipCaseShrinksToTheSmallestThatStillDiffers() throws IOException {
        RandomCase failing = new RandomCase(7, BIG, Rounding.DOUBLE, false, 4, RandomCase.CLIP_IDS, 90);
        // Differs whenever there are two GRU layers of at least 3 units and the all-max clip runs.
        Shrinker.Shrunk shrunk = Shrinker.shrink(failing, check(c -> c.shape().gruLayers() == 2
                && c.shape().gruHidden() >= 3 && c.clipIds().contains("all-max")), 100);
        CrnnConfig s = shrunk.shrunk().shape();
        assertEquals(2, s.gruLayers());
        assertEquals(3, s.gruHidden());
        assertEquals(List.of("all-max"), shrunk.shrunk().clipIds());
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 1, false, 2), List.of(s.frames(), s.mels(), s.convChannels(),
                s.kernelTime(), s.kernelMel(), s.strideTime(), s.strideMel(), s.attention(), s.classes()));
    }

    @Test
    void aStreamShrinksToItsShortestStillDifferingLength() throws IOException {
        RandomCase failing = new RandomCase(7, BIG, Rounding.SINGLE, true, 12, RandomCase.CLIP_IDS, 100);
        Shrinker.Shrunk shrunk = Shrinker.shrink(failing, check(c -> c.frames() >= 40 && c.attentionWindow() >= 5),
                100);
        assertEquals(40, shrunk.shrunk().frames());
        assertEquals(5, shrunk.shrunk().attentionWindow());
        assertEquals(1, shrunk.shrunk().shape().gruLayers());
    }

    @Test
    void aCaseNoSmallerVersionOfWhichDiffersStaysAsItIs() throws IOException {
        RandomCase failing = new RandomCase(7, BIG, Rounding.DOUBLE, false, 4, RandomCase.CLIP_IDS, 90);
        Shrinker.Shrunk shrunk = Shrinker.shrink(failing, check(c -> c.equals(failing)), 100);
        assertEquals(failing, shrunk.shrunk());
        assertEquals(1, shrunk.rounds());
    }

    @Test
    void everyCandidateIsSmallerInOneThingAndValid() {
        RandomCase c = new RandomCase(7, BIG, Rounding.DOUBLE, true, 4, RandomCase.CLIP_IDS, 90);
        List<RandomCase> candidates = Shrinker.candidates(c);
        assertFalse(candidates.isEmpty());
        for (RandomCase candidate : candidates) {
            List<Integer> before = sizes(c);
            List<Integer> after = sizes(candidate);
            int smaller = 0;
            for (int i = 0; i < before.size(); i++) {
                assertTrue(after.get(i) <= before.get(i), candidate.describe());
                smaller += after.get(i) < before.get(i) ? 1 : 0;
            }
            assertTrue(smaller >= 1, candidate.describe());
        }
    }

    /** Everything the shrinker makes smaller, as numbers. */
    private static List<Integer> sizes(RandomCase c) {
        CrnnConfig s = c.shape();
        return List.of(s.frames(), s.mels(), s.convChannels(), s.kernelTime(), s.kernelMel(), s.strideTime(),
                s.strideMel(), s.gruHidden(), s.gruLayers(), s.attention() ? 1 : 0, s.classes(), c.clipIds().size(),
                c.frames(), c.attentionWindow());
    }

    /** A check that counts a candidate as differing when {@code differs} says so. */
    private static Shrinker.Check check(Predicate<RandomCase> differs) {
        return candidates -> {
            List<Boolean> result = new ArrayList<>();
            candidates.forEach(c -> result.add(differs.test(c)));
            return result;
        };
    }
}
