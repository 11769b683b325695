package dev.hark.sim.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class DetectorTest {
    @Test
    void settingsAreWrittenAndParsedAsSmoothingThresholdRefractory() {
        DetectionSettings settings = new DetectionSettings(12, 201, 7);
        assertEquals("12,201,7", settings.toText());
        assertEquals(settings, DetectionSettings.parse(settings.toText()));
        assertEquals(settings, DetectionSettings.parse(" 12, 201 ,7 "));
        assertEquals("expected smoothing,threshold,refractory (e.g. 5,146,12), got \"12,201\"",
                assertThrows(IllegalArgumentException.class, () -> DetectionSettings.parse("12,201")).getMessage());
        assertEquals("the threshold in \"12,x,7\" is not a whole number",
                assertThrows(IllegalArgumentException.class, () -> DetectionSettings.parse("12,x,7")).getMessage());
        assertEquals("smoothing must cover 1 to 64 steps, got 65",
                assertThrows(IllegalArgumentException.class, () -> DetectionSettings.parse("65,192,7")).getMessage());
    }

    @Test
    void theMeanOfTheLastStepsMustReachTheThreshold() {
        Detector detector = new Detector(new DetectionSettings(4, 200, 0));
        // Means over the last four (earlier steps count as 0): 62.5, 125, 187.5, 250, 250.
        List<Detection> detections = run(detector, 250, 250, 250, 250, 250);
        assertEquals(List.of(new Detection(3, 250), new Detection(4, 250)), detections);
    }

    @Test
    void theSmoothedScoreIsTheMeanOfTheLastStepsRoundedDown() {
        Detector detector = new Detector(new DetectionSettings(3, 255, 0));
        // Sums over the last three: 100, 200, 301, then 201 once the first 100 leaves the window.
        int[] expected = {33, 66, 100, 67};
        int[] scores = {100, 100, 101, 0};
        for (int i = 0; i < scores.length; i++) {
            detector.push(scores[i]);
            assertEquals(expected[i], detector.smoothedScore(), "after step " + i);
        }
    }

    @Test
    void aMeanExactlyAtTheThresholdFires() {
        Detector detector = new Detector(new DetectionSettings(2, 100, 0));
        assertEquals(List.of(new Detection(1, 100)), run(detector, 99, 101));
    }

    @Test
    void theRefractoryPeriodSilencesTheStepsAfterADetection() {
        Detector detector = new Detector(new DetectionSettings(1, 128, 3));
        // Steps 1-3 and 5-7 are silent; step 8 is the first after the second period.
        List<Detection> detections = run(detector, 255, 255, 255, 255, 255, 255, 0, 255, 255);
        assertEquals(List.of(new Detection(0, 255), new Detection(4, 255), new Detection(8, 255)), detections);
    }

    @Test
    void matchesTheDirectDefinitionOnRandomScores() {
        Random random = new Random(11);
        for (int trial = 0; trial < 50; trial++) {
            DetectionSettings settings = new DetectionSettings(1 + random.nextInt(10), 1 + random.nextInt(255),
                    random.nextInt(12));
            int[] scores = new int[300];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = random.nextInt(8) == 0 ? 255 : random.nextInt(256);
            }
            assertEquals(direct(settings, scores), run(new Detector(settings), scores), settings.toString());
        }
    }

    @Test
    void aResetForgetsThePast() {
        Detector detector = new Detector(new DetectionSettings(3, 171, 5));
        run(detector, 255, 255, 255);
        detector.reset();
        assertEquals(List.of(new Detection(2, 255)), run(detector, 255, 255, 255));
    }

    @Test
    void settingsOutsideTheirRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new DetectionSettings(0, 128, 0));
        assertThrows(IllegalArgumentException.class, () -> new DetectionSettings(65, 128, 0));
        assertThrows(IllegalArgumentException.class, () -> new DetectionSettings(4, 256, 0));
        assertThrows(IllegalArgumentException.class, () -> new DetectionSettings(4, 128, -1));
        assertThrows(IllegalArgumentException.class, () -> new Detector(new DetectionSettings(1, 1, 0)).push(256));
    }

    private static List<Detection> run(Detector detector, int... scores) {
        List<Detection> detections = new ArrayList<>();
        for (int p : scores) {
            detector.push(p).ifPresent(detections::add);
        }
        return detections;
    }

    /** The rule written out over the whole array: mean of a window with zeros before the start, then silence. */
    private static List<Detection> direct(DetectionSettings s, int[] scores) {
        List<Detection> detections = new ArrayList<>();
        long nextAllowed = 0;
        for (int t = 0; t < scores.length; t++) {
            double sum = 0;
            for (int k = t - s.smoothingSteps() + 1; k <= t; k++) {
                sum += k >= 0 ? scores[k] : 0;
            }
            double mean = sum / s.smoothingSteps();
            if (t >= nextAllowed && mean >= s.threshold()) {
                detections.add(new Detection(t, (int) Math.floor(mean)));
                nextAllowed = t + s.refractorySteps() + 1L;
            }
        }
        return detections;
    }
}
