package dev.hark.pipeline.quantize;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.CalibrationPlan;
import dev.hark.trainer.quant.PostTrainingQuantization;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Stage 4: calibrate on training clips, quantize to int8 and write the model file. */
public final class QuantizeStage {
    /** Calibration clips: enough for stable ranges, spread evenly over the training set. */
    static final int CALIBRATION_CLIPS = 400;

    private QuantizeStage() {
    }

    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     Path modelFile, PrintStream log) throws IOException {
        return run(weights, train, keyword, producer, CalibrationPlan.minMax(), modelFile, log);
    }

    /** Like {@link #run(CrnnWeights, FeatureSet, String, String, Path, PrintStream)} with a calibration plan. */
    public static QuantizedModel run(CrnnWeights weights, FeatureSet train, String keyword, String producer,
                                     CalibrationPlan plan, Path modelFile, PrintStream log) throws IOException {
        if (Files.exists(modelFile)) {
            QuantizedModel model = ModelFile.read(modelFile);
            log.println("[quantize] reusing " + modelFile + " (checksum verified)");
            return model;
        }
        List<byte[]> calibration = calibrationClips(train);
        ModelInfo info = info(weights, keyword, producer);
        QuantizedModel model = PostTrainingQuantization.quantize(weights, info, calibration, plan, Rounding.DOUBLE);
        ModelFile.write(model, modelFile);
        log.println("[quantize] " + plan + " calibration on " + calibration.size() + " training clips -> " + modelFile
                + " (" + Files.size(modelFile) + " bytes, " + model.parameterCount() + " parameters)");
        return model;
    }

    /** The calibration clips: {@value #CALIBRATION_CLIPS} spread over the training set. */
    public static List<byte[]> calibrationClips(FeatureSet train) {
        return spread(train.items(), CALIBRATION_CLIPS);
    }

    /** The model description written into the model file. */
    public static ModelInfo info(CrnnWeights weights, String keyword, String producer) {
        return new ModelInfo("crnn-" + keyword, keyword, List.of("other", keyword), weights.config().frames(),
                weights.config().mels(), FrontendConfig.FEATURE_QUANT, FrontendConfig.ID, producer);
    }

    /** Every k-th clip, so that calibration sees every word (clips are listed word by word). */
    static List<byte[]> spread(List<LabelledFeatures> clips, int count) {
        List<byte[]> picked = new ArrayList<>();
        double step = Math.max(1.0, (double) clips.size() / count);
        for (double i = 0; i < clips.size() && picked.size() < count; i += step) {
            picked.add(clips.get((int) i).features());
        }
        return picked;
    }
}
