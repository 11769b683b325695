package dev.hark.pipeline.quantize;

import dev.hark.pipeline.scoring.FloatAndInt8Scores;
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

/** Stage 4: calibrate on training clips ({@link CalibrationPolicy}), quantize to int8 and write the model file. */
public final class QuantizeStage {
    private QuantizeStage() {
    }

    /** With the policy's default plan. */
    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     Path modelFile, PrintStream log) throws IOException {
        return run(weights, train, keyword, producer, CalibrationPolicy.DEFAULT_PLAN, modelFile, log);
    }

    /** Reuses {@code modelFile} when it exists (its checksum verified), else quantizes with {@code plan}. */
    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     CalibrationPlan plan, Path modelFile, PrintStream log) throws IOException {
        if (Files.exists(modelFile)) {
            QuantizedModel model = ModelFile.read(modelFile);
            log.println("[quantize] reusing " + modelFile + " (checksum verified)");
            return model;
        }
        QuantizedModel model = CalibrationPolicy.quantize(weights, ModelDescription.of(weights.config(), keyword,
                producer), train, plan);
        ModelFile.write(model, modelFile);
        log.println("[quantize] " + plan + " calibration on " + CalibrationPolicy.clips(train).size()
                + " training clips -> " + modelFile + " (" + Files.size(modelFile) + " bytes, "
                + model.parameterCount() + " parameters)");
        return model;
    }

    /**
     * Quantizes with every plan of {@link CalibrationPolicy#comparedWith} from one calibration pass and scores each
     * int8 model against the float one on {@code test}; writes nothing.
     */
    public static List<CalibrationComparison.Row> compare(CrnnWeights weights, FeatureSet train, FeatureSet test,
                                                          String keyword, String producer, CalibrationPlan chosen) {
        ModelInfo info = ModelDescription.of(weights.config(), keyword, producer);
        Calibration calibration = CalibrationPolicy.calibrate(weights, info, train);
        List<CalibrationComparison.Row> rows = new ArrayList<>();
        for (CalibrationPlan plan : CalibrationPolicy.comparedWith(chosen)) {
            QuantizedModel model = CalibrationPolicy.quantize(weights, info, calibration, plan);
            rows.add(new CalibrationComparison.Row(plan, model,
                    FloatAndInt8Scores.of(weights, model, test.items()).comparison()));
        }
        return rows;
    }
}
