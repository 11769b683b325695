package dev.hark.pipeline.crossval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a cross-validation's streams depend on, as {@code streams/streams.settings} keeps it. */
@Fast
class CrossValidationStreamSettingsTest {
    @Test
    void aFixedDetectorKeepsTheSettingsFileOfFoldersWrittenBeforeDetectorsWereChosen() {
        CrossValidationStreams.Settings fixed = new CrossValidationStreams.Settings(1.0, 1,
                Optional.of(DetectorTiming.DEFAULT), CrossValidationStreams.NO_DEV_HOURS);
        // A folder's file as the stage wrote it when the detector was always the fixed default.
        assertEquals("hoursPerFold=1.0\nseed=1\nsmoothingSteps=5\nrefractorySeconds=1.0\nvariation=AugmentationConfig["
                + "speedProbability=1.0, minSpeed=0.9, maxSpeed=1.1, shiftProbability=1.0, maxShiftMs=100, "
                + "noiseProbability=1.0, minSnrDb=10.0, maxSnrDb=30.0, gainProbability=1.0, minGainDb=-10.0, "
                + "maxGainDb=6.0]\n", fixed.fingerprint().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aChosenDetectorNamesItsDevHoursAndCandidatesAndDiffersFromEveryFixedOne() {
        CrossValidationStreams.Settings chosen = new CrossValidationStreams.Settings(1.0, 1, Optional.empty(), 2);
        String fingerprint = chosen.fingerprint();
        assertTrue(fingerprint.contains("detector=chosen on the fold's dev speakers' streams"), fingerprint);
        assertTrue(fingerprint.contains("devHoursPerFold=2.0"), fingerprint);
        assertTrue(fingerprint.contains("candidates=mean of 1 score, 0.5 s refractory; "), fingerprint);
        assertNotEquals(fingerprint, new CrossValidationStreams.Settings(1.0, 1, Optional.empty(), 3).fingerprint());
        assertNotEquals(fingerprint, new CrossValidationStreams.Settings(1.0, 1, Optional.of(DetectorTiming.DEFAULT),
                CrossValidationStreams.NO_DEV_HOURS).fingerprint());
        assertTrue(chosen.describeDetector().startsWith("chosen for each model, fold and seed on 2 h of varied "
                + "streams of the fold's dev speakers"), chosen.describeDetector());
    }

    @Test
    void devStreamsAreOfTheDevSplitAtASeedOfTheirOwn() {
        CrossValidationStreams.Settings chosen = new CrossValidationStreams.Settings(1.0, 7, Optional.empty(), 2);
        assertNotEquals(chosen.streams().seed(), chosen.devStreams().seed());
        assertEquals(Split.DEV, chosen.devStreams().split());
        assertEquals(2.0, chosen.devStreams().hours());
    }

    @Test
    void devHoursMustBePositiveAndNameTheirOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossValidationStreams.Settings(1.0, 1, Optional.empty(), 0));
        assertEquals("--stream-dev-hours must be positive, got 0.0", e.getMessage());
    }

    @Test
    void aFixedDetectorHearsNoDevStreams() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrossValidationStreams.Settings(1.0, 1, Optional.of(DetectorTiming.DEFAULT), 2));
        assertEquals("a fixed detector chooses on no dev streams, got 2.0 h of them", e.getMessage());
    }

    @Test
    void theDetectorOfACountsFileLiesBesideIt() {
        assertEquals(Path.of("s", "fold-1", "teacher-detector.properties"),
                CrossValidationStreams.detectorFile(Path.of("s", "fold-1", "teacher.csv")));
    }
}
