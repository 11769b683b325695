package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class FiringWindowsTest {
    private static final int RATE = 16000;
    private static final int THRESHOLD = 100;

    /** Silence with loud white noise over {@code [from, to)} seconds of each burst. */
    private static short[] bursts(double seconds, double... fromTo) {
        short[] s = new short[(int) (seconds * RATE)];
        Random random = new Random(5);
        for (int b = 0; b < fromTo.length; b += 2) {
            for (int i = (int) (fromTo[b] * RATE); i < (int) (fromTo[b + 1] * RATE); i++) {
                s[i] = (short) (random.nextGaussian() * 8000);
            }
        }
        return s;
    }

    private static VariedStream stream(short[] samples) {
        return new VariedStream(samples, List.of(), List.of());
    }

    @Test
    void eachDetectionGivesTheSecondOfAudioBeforeItsStep() {
        short[] samples = bursts(6, 0.3, 0.6, 3.0, 3.4);
        Listening heard = Listener.listen(new LoudestStandIn(40), StreamFeatures.of(samples), StatePolicy.DEFAULT,
                new DetectionSettings(5, THRESHOLD, 13));
        // The stand-in fires on the bursts and nowhere else: the precondition of what follows.
        assertEquals(2, heard.detections().size(), Arrays.toString(heard.scores()));

        List<FiringWindows.Window> windows = FiringWindows.of(new LoudestStandIn(40), stream(samples), 4,
                DetectorTiming.DEFAULT, THRESHOLD);
        assertEquals(2, windows.size());
        for (int i = 0; i < 2; i++) {
            FiringWindows.Window w = windows.get(i);
            double end = heard.stepSecond((int) heard.detections().get(i).step());
            assertEquals(Math.round(end * RATE), w.endSample(), "ends where the step ran");
            assertEquals(heard.detections().get(i).score(), w.score());
            assertEquals(4, w.stream());
            assertEquals(FiringWindows.WINDOW_SAMPLES, w.samples().length);
        }
        FiringWindows.Window late = windows.get(1);
        assertTrue(late.endSample() > 3.0 * RATE && late.endSample() <= 3.5 * RATE, "" + late.endSample());
        assertArrayEquals(Arrays.copyOfRange(samples, (int) late.endSample() - RATE, (int) late.endSample()),
                late.samples());
        // The first ends before one second of stream: zeros stand for the time before the stream began.
        FiringWindows.Window early = windows.get(0);
        int missing = RATE - (int) early.endSample();
        assertTrue(missing > 0);
        assertArrayEquals(new short[missing], Arrays.copyOfRange(early.samples(), 0, missing));
        assertArrayEquals(Arrays.copyOfRange(samples, 0, (int) early.endSample()),
                Arrays.copyOfRange(early.samples(), missing, RATE));
    }

    @Test
    void aStreamWithKeywordsIsRefused() {
        VariedStream withKeyword = new VariedStream(new short[RATE], List.of(new KeywordOccurrence(0, 8000)),
                List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiringWindows.of(new LoudestStandIn(40), withKeyword, 2, DetectorTiming.DEFAULT, THRESHOLD));
        assertTrue(e.getMessage().contains("stream 2"), e.getMessage());
    }

    @Test
    void theStrongestComeFirstThenByStreamAndPlace() {
        short[] none = new short[0];
        FiringWindows.Window a = new FiringWindows.Window(0, 500, 200, none);
        FiringWindows.Window b = new FiringWindows.Window(1, 100, 250, none);
        FiringWindows.Window c = new FiringWindows.Window(0, 900, 250, none);
        FiringWindows.Window d = new FiringWindows.Window(0, 300, 250, none);
        assertEquals(List.of(d, c, b), FiringWindows.strongest(List.of(a, b, c, d), 3));
        assertEquals(List.of(d, c, b, a), FiringWindows.strongest(List.of(a, b, c, d), 10));
    }
}
