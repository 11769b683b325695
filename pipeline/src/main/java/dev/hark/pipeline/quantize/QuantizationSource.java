package dev.hark.pipeline.quantize;

import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.CalibrationPlan;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What a quantized model file was made from: the float weights (by {@link CrnnWeights#fingerprint()}) and the
 * calibration plan. Kept beside the model file ({@code model.hark.source}) so that a rerun reuses the file only when
 * it would quantize the same weights the same way; the rounding is in the model file itself.
 *
 * @param floatWeights the SHA-256 of the float weights
 * @param calibration  the calibration plan's text form
 */
public record QuantizationSource(String floatWeights, String calibration) {
    private static final String WEIGHTS_KEY = "float-weights-sha256";
    private static final String CALIBRATION_KEY = "calibration";

    public static QuantizationSource of(CrnnWeights weights, CalibrationPlan plan) {
        return new QuantizationSource(weights.fingerprint(), plan.toString());
    }

    /** The record kept beside {@code modelFile}. */
    public static Path besideModel(Path modelFile) {
        return modelFile.resolveSibling(modelFile.getFileName() + ".source");
    }

    /** The record beside {@code modelFile}; empty when there is none (a model file made before records were kept). */
    public static Optional<QuantizationSource> read(Path modelFile) throws IOException {
        Path file = besideModel(modelFile);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        String weights = p.getProperty(WEIGHTS_KEY);
        String calibration = p.getProperty(CALIBRATION_KEY);
        if (weights == null || calibration == null) {
            throw new IOException(file + ": lacks " + (weights == null ? WEIGHTS_KEY : CALIBRATION_KEY)
                    + "; delete it and " + modelFile.getFileName() + " to quantize again");
        }
        return Optional.of(new QuantizationSource(weights, calibration));
    }

    /** Writes the record beside {@code modelFile}, atomically. */
    public void writeBeside(Path modelFile) throws IOException {
        AtomicFiles.writeString(besideModel(modelFile), "# what " + modelFile.getFileName()
                + " was quantized from; it is reused only for the same float weights and calibration\n"
                + WEIGHTS_KEY + "=" + floatWeights + "\n" + CALIBRATION_KEY + "=" + calibration + "\n");
    }

    /** What differs from {@code asked}, in words; empty when nothing does. */
    public Optional<String> differenceFrom(QuantizationSource asked) {
        if (!floatWeights.equals(asked.floatWeights)) {
            return Optional.of("other float weights than the workspace's float model");
        }
        if (!calibration.equals(asked.calibration)) {
            return Optional.of("calibration " + calibration + ", not the " + asked.calibration + " asked for");
        }
        return Optional.empty();
    }
}
