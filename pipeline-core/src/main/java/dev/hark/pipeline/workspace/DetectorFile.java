package dev.hark.pipeline.workspace;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.program.KeywordScore;
import dev.hark.trainer.eval.DetectorTiming;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A workspace's detector: the smoothing and refractory period chosen on dev-split streams, and the threshold the
 * device listens with (the chosen detector's at the tightest false-alarm budget on dev), as a properties file
 * ({@link Workspace#detector()}). The report and the sound stream measurement sweep the threshold and use the
 * smoothing and refractory period alone; the firmware takes all three from the model file, whose detector section
 * is written from this file ({@link ModelDetector}).
 *
 * <pre>
 * smoothing.steps=5
 * refractory.seconds=1
 * score.threshold=176
 * chosen.on=...
 * </pre>
 * The threshold is on the keyword score ({@link KeywordScore}). A file written when the detector read the softmax's
 * probability has {@code threshold} (in 1/256) instead, which reads as the score of the same probability; a file
 * written before the threshold was recorded has neither, and its detector listens at
 * {@link DetectionSettings#DEFAULT}'s threshold.
 */
public final class DetectorFile {
    static final String SMOOTHING = "smoothing.steps";
    static final String REFRACTORY = "refractory.seconds";
    static final String THRESHOLD = "score.threshold";
    /** The threshold of a file written when the detector read the softmax's probability, in 1/256. */
    static final String POSTERIOR_THRESHOLD = "threshold";
    static final String CHOSEN_ON = "chosen.on";

    private DetectorFile() {
    }

    /**
     * The detector recorded in {@code file}; empty when there is no file.
     *
     * @throws IOException naming the file when it cannot be read or a value is missing or out of range
     */
    public static Optional<DetectorTiming> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        try {
            return Optional.of(new DetectorTiming(Integer.parseInt(required(p, SMOOTHING, file)),
                    Double.parseDouble(required(p, REFRACTORY, file))));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The recorded detector, or {@link DetectorTiming#DEFAULT} when the workspace has none. */
    public static DetectorTiming readOrDefault(Path file) throws IOException {
        return read(file).orElse(DetectorTiming.DEFAULT);
    }

    /**
     * The detector the device listens with, for a network that steps every {@code hopFrames} feature frames: the
     * recorded smoothing and refractory period (rounded up to whole steps) at the recorded threshold; empty when
     * there is no file.
     *
     * @throws IOException naming the file when it cannot be read or a value is missing or out of range
     */
    public static Optional<DetectionSettings> deployed(Path file, int hopFrames) throws IOException {
        Optional<DetectorTiming> timing = read(file);
        if (timing.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        String threshold = p.getProperty(THRESHOLD);
        String posterior = p.getProperty(POSTERIOR_THRESHOLD);
        String key = threshold != null ? THRESHOLD : POSTERIOR_THRESHOLD;
        try {
            int score = threshold != null ? Integer.parseInt(threshold.strip())
                    : posterior != null ? KeywordScore.ofPosterior(Integer.parseInt(posterior.strip()))
                    : DetectionSettings.DEFAULT.threshold();
            return Optional.of(timing.get().settings(hopFrames, score));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + key + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the detector atomically.
     *
     * @param threshold the keyword score the device listens with, 1 to 255
     * @param chosenOn  one line on how it was chosen (streams, split, budgets)
     */
    public static void write(Path file, DetectorTiming timing, int threshold, String chosenOn) throws IOException {
        new DetectionSettings(timing.smoothingSteps(), threshold, 0); // the threshold's range, checked before writing
        AtomicFiles.writeString(file, String.format(Locale.ROOT, "# the detector's smoothing and refractory period, "
                        + "chosen on dev-split streams (hark stream-eval, hark demo), and the threshold the device "
                        + "listens with%n%s=%d%n%s=%s%n%s=%d%n%s=%s%n", SMOOTHING, timing.smoothingSteps(), REFRACTORY,
                Double.toString(timing.refractorySeconds()), THRESHOLD, threshold, CHOSEN_ON,
                chosenOn.replace('\n', ' ')));
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(file + ": no " + key);
        }
        return v.strip();
    }
}
