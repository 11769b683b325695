package dev.hark.pipeline.quantize;

import dev.hark.pipeline.scoring.FloatAndInt8Scores;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.Calibration;
import dev.hark.trainer.quant.CalibrationComparison;
import dev.hark.trainer.quant.CalibrationPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Stage 4: calibrate on training clips ({@link CalibrationPolicy}), quantize to int8 and write the model file. */
public final class QuantizeStage {
    private QuantizeStage() {
    }

    /** With the policy's default plan and rounding. */
    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     Path modelFile, PrintStream log) throws IOException {
        return run(weights, train, keyword, producer, CalibrationPolicy.DEFAULT_PLAN,
                CalibrationPolicy.DEFAULT_ROUNDING, modelFile, log);
    }

    /**
     * Reuses {@code modelFile} when it exists (its checksum verified) and was quantized from these weights with this
     * plan ({@link QuantizationSource}), else quantizes with {@code plan} and {@code rounding}.
     *
     * @throws WorkspaceConflictException if the existing model file was quantized with the other rounding: the
     *                                    firmware would be built for the rounding not asked for, or from other
     *                                    float weights or another calibration plan
     */
    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     CalibrationPlan plan, Rounding rounding, Path modelFile, PrintStream log)
            throws IOException {
        QuantizationSource asked = QuantizationSource.of(weights, plan);
        if (Files.exists(modelFile)) {
            QuantizedModel model = ModelFile.read(modelFile);
            if (model.rounding() != rounding) {
                throw new WorkspaceConflictException(modelFile + " holds a model quantized with "
                        + name(model.rounding()) + " rounding, not the " + name(rounding) + " rounding asked for;"
                        + " delete it to quantize again");
            }
            Optional<QuantizationSource> recorded = QuantizationSource.read(modelFile);
            Optional<String> difference = recorded.flatMap(source -> source.differenceFrom(asked));
            if (difference.isPresent()) {
                throw new WorkspaceConflictException(modelFile + " was quantized from " + difference.get()
                        + "; delete it to quantize again");
            }
            log.println("[quantize] reusing " + modelFile + " (checksum verified, " + name(rounding) + " rounding, "
                    + (recorded.isPresent() ? "same float weights and calibration"
                    : "its float weights and calibration not recorded") + ")");
            return model;
        }
        // The record goes first: a run killed between the two writes leaves no model file, so the next run
        // quantizes again and rewrites both, rather than trusting a model file without its record.
        asked.writeBeside(modelFile);
        QuantizedModel model = CalibrationPolicy.quantize(weights, ModelDescription.trainedOn(
                ModelDescription.of(weights.config(), keyword, producer), train), train, plan, rounding);
        ModelFile.write(model, modelFile);
        log.println("[quantize] " + plan + " calibration on " + CalibrationPolicy.clips(train).size()
                + " training clips, " + name(rounding) + " rounding -> " + modelFile + " (" + Files.size(modelFile)
                + " bytes, " + model.parameterCount() + " parameters)");
        return model;
    }

    /** "single" or "double", as the quantize command's --rounding takes it. */
    public static String name(Rounding rounding) {
        return rounding.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Quantizes with every plan of {@link CalibrationPolicy#comparedWith} from one calibration pass and scores each
     * int8 model against the float one on {@code test}; writes nothing.
     */
    public static List<CalibrationComparison.Row> compare(CrnnWeights weights, FeatureSet train, FeatureSet test,
                                                          String keyword, String producer, CalibrationPlan chosen,
                                                          Rounding rounding) {
        ModelInfo info = ModelDescription.of(weights.config(), keyword, producer);
        Calibration calibration = CalibrationPolicy.calibrate(weights, info, train);
        List<CalibrationComparison.Row> rows = new ArrayList<>();
        for (CalibrationPlan plan : CalibrationPolicy.comparedWith(chosen)) {
            QuantizedModel model = CalibrationPolicy.quantize(weights, info, calibration, plan, rounding);
            rows.add(new CalibrationComparison.Row(plan, model,
                    FloatAndInt8Scores.of(weights, model, test.items()).comparison()));
        }
        return rows;
    }
}
