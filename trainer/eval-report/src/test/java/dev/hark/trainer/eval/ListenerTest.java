package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class ListenerTest {
    private static final int MELS = 12;

    /**
     * A stand-in network whose score is 40 times the steps since its last reset (at most 255): it makes
     * the effect of every reset visible. Steps as a kernel-6, stride-4 convolution does.
     */
    private static final class Ramp extends StandInModel {
        private int steps;

        Ramp() {
            super(MELS, 6, 4);
        }

        @Override
        protected void take(byte[] frame) {
        }

        @Override
        protected int step() {
            steps++;
            return Math.min(255, 40 * steps);
        }

        @Override
        protected void forget() {
            steps = 0;
        }
    }

    @Test
    void carriedStateStepsEveryHopAndDetectsAsTheDetectorDoes() {
        DetectionSettings settings = new DetectionSettings(1, 200, 2);
        Listening l = Listener.listen(new Ramp(), new byte[MELS * 102], StatePolicy.CARRIED, settings);

        assertEquals(25, l.steps());
        assertEquals(5, l.stepEndFrames()[0]);
        assertEquals(9, l.stepEndFrames()[1]);
        assertEquals(List.of(40, 80, 120, 160, 200, 240, 255, 255, 255, 255),
                Arrays.stream(l.scores()).limit(10).boxed().toList());
        assertEquals(Listening.detect(l.scores(), settings), l.detections());
        assertEquals(List.of(4L, 7L, 10L), l.detections().stream().limit(3).map(Detection::step).toList());
        // Frame 5 is complete once 160 * 5 + 200 samples have arrived.
        assertEquals(1000 / 16000.0, l.stepSecond(0), 1e-12);
    }

    @Test
    void aPeriodicResetRestartsTheNetworkOnTheStreamsClock() {
        Listening l = Listener.listen(new Ramp(), new byte[MELS * 100], StatePolicy.resetEvery(0.3),
                new DetectionSettings(1, 255, 0));

        // Resets before frames 30, 60 and 90: each segment's first step ends 5 frames into it.
        long[] expectedEnds = {5, 9, 13, 17, 21, 25, 29, 35, 39, 43, 47, 51, 55, 59, 65, 69, 73, 77, 81, 85, 89, 95,
            99};
        assertArrayEquals(expectedEnds, l.stepEndFrames());
        assertEquals(40, l.scores()[7]);
        assertEquals(40, l.scores()[14]);
    }

    @Test
    void aResetAfterEachDetectionRestartsTheRamp() {
        DetectionSettings settings = new DetectionSettings(1, 120, 0);
        Listening l = Listener.listen(new Ramp(), new byte[MELS * 100], StatePolicy.resetAfterEachDetection(),
                settings);

        // 40, 80, 120 (detection, reset: the window refills), then again.
        assertEquals(List.of(40, 80, 120, 40, 80, 120), Arrays.stream(l.scores()).limit(6).boxed().toList());
        assertEquals(List.of(2L, 5L), l.detections().stream().limit(2).map(Detection::step).toList());
        assertEquals(l.stepEndFrames()[2] + 6, l.stepEndFrames()[3]);
        assertThrows(IllegalStateException.class, () -> l.withSettings(new DetectionSettings(1, 100, 0)));
    }

    @Test
    void otherSettingsReuseTheScoresOfACarriedRun() {
        QuantizedModel model = RandomModels.tiny(5);
        byte[] frames = StreamingModelTest.randomFrames(MELS, 400, 9);
        Listening low = Listener.listen(new Int8StreamingModel(model, 7), frames, StatePolicy.CARRIED,
                new DetectionSettings(2, 60, 3));
        Listening high = Listener.listen(new Int8StreamingModel(model, 7), frames, StatePolicy.CARRIED,
                new DetectionSettings(2, 130, 3));

        Listening reused = low.withSettings(high.settings());
        assertArrayEquals(high.scores(), reused.scores());
        assertEquals(high.detections(), reused.detections());
        assertTrue(low.detections().size() >= high.detections().size());
    }

    @Test
    void aResetMakesTheIntegerNetworkStartOverAsOnAFreshStream() {
        QuantizedModel model = RandomModels.tiny(6);
        byte[] frames = StreamingModelTest.randomFrames(MELS, 200, 4);
        Listening reset = Listener.listen(new Int8StreamingModel(model, 7), frames, StatePolicy.resetEvery(1),
                new DetectionSettings(1, 255, 0));
        Listening fresh = Listener.listen(new Int8StreamingModel(model, 7),
                Arrays.copyOfRange(frames, 100 * MELS, 200 * MELS), StatePolicy.CARRIED,
                new DetectionSettings(1, 255, 0));
        Listening carried = Listener.listen(new Int8StreamingModel(model, 7), frames, StatePolicy.CARRIED,
                new DetectionSettings(1, 255, 0));

        int firstAfterReset = 0;
        while (reset.stepEndFrames()[firstAfterReset] < 100) {
            firstAfterReset++;
        }
        int[] tail = Arrays.copyOfRange(reset.scores(), firstAfterReset, reset.steps());
        assertArrayEquals(fresh.scores(), tail);
        assertFalse(Arrays.equals(tail, Arrays.copyOfRange(carried.scores(), carried.steps() - tail.length,
                carried.steps())), "the carried state differs from a fresh start");
    }

    @Test
    void policiesDescribeAndParseThemselves() {
        for (StatePolicy p : List.of(StatePolicy.CARRIED, StatePolicy.resetEvery(10),
                StatePolicy.resetAfterEachDetection(), new StatePolicy(2.5, true))) {
            assertEquals(p, StatePolicy.parse(shortForm(p)), p.describe());
        }
        assertEquals("reset every 10 s", StatePolicy.resetEvery(10).describe());
        assertEquals("reset every 2.5 s and after detection", new StatePolicy(2.5, true).describe());
        assertThrows(IllegalArgumentException.class, () -> StatePolicy.parse("sometimes"));
        assertThrows(IllegalArgumentException.class, () -> StatePolicy.parse("every=x"));
        assertThrows(IllegalArgumentException.class, () -> StatePolicy.resetEvery(0.01));
    }

    private static String shortForm(StatePolicy p) {
        String every = p.resetEverySeconds() > 0 ? "every=" + p.resetEverySeconds() : "";
        if (p.resetAfterDetection()) {
            return every.isEmpty() ? "detection" : every + "+detection";
        }
        return every.isEmpty() ? "carried" : every;
    }
}
