package dev.hark.codegen.build;

import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.MacroConstant;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.program.KeywordScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The macros of {@code hark_model_settings.h}: everything outside the network that must match training (the
 * front end, the feature shape and quantization, the labels) and the detector the firmware listens with, taken from
 * the model so there is one source.
 */
final class SettingsEmitter {
    private SettingsEmitter() {
    }

    /**
     * @param detector the detector the firmware listens with
     * @param origin   where it comes from, for its comment (e.g. "chosen for the model on dev-split streams")
     */
    static List<MacroConstant> macros(ModelInfo info, Rounding rounding, TensorQuant outputQuant,
                                      DetectionSettings detector, String origin, Function<String, Comment> comment) {
        List<MacroConstant> macros = new ArrayList<>();
        macros.add(new MacroConstant("HARK_MODEL_NAME", CFormat.string(info.name()), comment.apply(
                "The model's name.")));
        macros.add(new MacroConstant("HARK_MODEL_FRONTEND", CFormat.string(info.frontend()), comment.apply(
                "The front end the model was trained on; features from any other front end give wrong results.")));
        macros.add(new MacroConstant("HARK_FRAME_COUNT", Integer.toString(info.frames()), comment.apply(
                "Feature frames per clip (must match training).")));
        macros.add(new MacroConstant("HARK_MEL_BIN_COUNT", Integer.toString(info.melBins()), comment.apply(
                "Mel bins per frame (must match training).")));
        macros.add(new MacroConstant("HARK_INPUT_SCALE", CFormat.float32(info.inputQuant().scale()), comment.apply(
                "Quantization of the log-mel features: real = (q - HARK_INPUT_ZERO_POINT) * HARK_INPUT_SCALE.")));
        macros.add(new MacroConstant("HARK_INPUT_ZERO_POINT", signed(info.inputQuant().zeroPoint()), Comment.NONE));
        macros.add(new MacroConstant("HARK_OUTPUT_SCALE", CFormat.float32(outputQuant.scale()), comment.apply(
                "Quantization of the network output: real = (q - HARK_OUTPUT_ZERO_POINT) * HARK_OUTPUT_SCALE.")));
        macros.add(new MacroConstant("HARK_OUTPUT_ZERO_POINT", signed(outputQuant.zeroPoint()), Comment.NONE));
        macros.add(new MacroConstant("HARK_CLASS_COUNT", Integer.toString(info.labels().size()), comment.apply(
                "Output classes.")));
        List<String> labels = new ArrayList<>();
        for (String label : info.labels()) {
            labels.add(CFormat.string(label));
        }
        macros.add(new MacroConstant("HARK_LABELS", "{" + String.join(", ", labels) + "}", comment.apply(
                "Class labels in output order, as an initializer: const char *const labels[] = HARK_LABELS;")));
        macros.add(new MacroConstant("HARK_KEYWORD", CFormat.string(info.keyword()), comment.apply(
                "The keyword, and the class that stands for it.")));
        macros.add(new MacroConstant("HARK_KEYWORD_INDEX", "1", Comment.NONE));
        macros.add(new MacroConstant("HARK_SINGLE_ROUNDING", rounding == Rounding.SINGLE ? "1" : "0", comment.apply(
                "1 when CMSIS-NN must be built with CMSIS_NN_USE_SINGLE_ROUNDING, 0 when without.")));
        // The product firmware and the listening benchmark take the detector from here, so a deployed image listens
        // with the detector the model was measured with.
        macros.add(new MacroConstant("HARK_DETECTOR_SMOOTHING_STEPS", Integer.toString(detector.smoothingSteps()),
                comment.apply("The detector the firmware listens with (hark_detector.h; " + origin + "): the mean of "
                        + "this many keyword scores, 1 to 64.")));
        macros.add(new MacroConstant("HARK_DETECTOR_THRESHOLD", Integer.toString(detector.threshold()),
                comment.apply("The mean keyword score that fires, 1 to 255 (log-odds in 1/16 nat plus 128: "
                        + String.format(Locale.ROOT, "%.2f", KeywordScore.logOdds(detector.threshold())) + ").")));
        macros.add(new MacroConstant("HARK_DETECTOR_REFRACTORY_STEPS", Integer.toString(detector.refractorySteps()),
                comment.apply("Network steps after a detection in which no other fires.")));
        macros.add(new MacroConstant("HARK_DETECTOR_SETTINGS", "{HARK_DETECTOR_SMOOTHING_STEPS, HARK_DETECTOR_THRESHOLD,"
                + " HARK_DETECTOR_REFRACTORY_STEPS}", comment.apply("The detector as an initializer: "
                + "const hark_detector_settings detection = HARK_DETECTOR_SETTINGS;")));
        return macros;
    }

    private static String signed(int value) {
        return value < 0 ? "(" + value + ")" : Integer.toString(value);
    }
}
