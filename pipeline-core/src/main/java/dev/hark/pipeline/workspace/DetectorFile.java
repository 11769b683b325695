package dev.hark.pipeline.workspace;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.eval.DetectorTiming;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A workspace's detector: the smoothing and refractory period chosen on dev-split streams, as a properties file
 * ({@link Workspace#detector()}). The detection threshold is not in it: the report and the sound stream measurement
 * sweep it, and a device sets it for the false-alarm rate it can live with.
 *
 * <pre>
 * smoothing.steps=5
 * refractory.seconds=1
 * chosen.on=...
 * </pre>
 */
public final class DetectorFile {
    static final String SMOOTHING = "smoothing.steps";
    static final String REFRACTORY = "refractory.seconds";
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
     * Writes {@code timing} atomically.
     *
     * @param chosenOn one line on how it was chosen (streams, split, budgets)
     */
    public static void write(Path file, DetectorTiming timing, String chosenOn) throws IOException {
        AtomicFiles.writeString(file, String.format(Locale.ROOT, "# the detector's smoothing and refractory period, "
                        + "chosen on dev-split streams (hark stream-eval, hark demo)%n%s=%d%n%s=%s%n%s=%s%n", SMOOTHING,
                timing.smoothingSteps(), REFRACTORY, Double.toString(timing.refractorySeconds()), CHOSEN_ON,
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
