package dev.hark.pipeline.scoring;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.FloatStreamingModel;
import dev.hark.trainer.eval.Int8StreamingModel;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.floatref.CrnnWeights;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A float network and its int8 twin listening to streams, each through its streaming engine; every call of a
 * supplier gives a fresh network (they keep state). The attention pools over a clip's worth of steps, the
 * window the network was trained on.
 *
 * @param floatModel the float CRNN listening
 * @param int8Model  the quantized model listening, as the firmware computes it
 */
public record ModelListeners(Supplier<StreamingModel> floatModel, Supplier<StreamingModel> int8Model) {
    /** @throws IllegalArgumentException if the model cannot stream */
    public static ModelListeners of(CrnnWeights weights, QuantizedModel model) {
        int attentionWindow = weights.config().convSteps();
        new Int8StreamingModel(model, attentionWindow); // fails here, not in a worker thread, if it cannot stream
        return new ModelListeners(
                () -> new FloatStreamingModel(weights, FrontendConfig.FEATURE_QUANT, attentionWindow),
                () -> new Int8StreamingModel(model, attentionWindow));
    }

    /** The two by name, "float" then "int8", as the report names them. */
    public Map<String, Supplier<StreamingModel>> named() {
        return named("");
    }

    /** The two by name, "float" then "int8", each followed by {@code variant} when it is not empty. */
    public Map<String, Supplier<StreamingModel>> named(String variant) {
        String suffix = variant.isEmpty() ? "" : ", " + variant;
        Map<String, Supplier<StreamingModel>> named = new LinkedHashMap<>();
        named.put("float" + suffix, floatModel);
        named.put("int8" + suffix, int8Model);
        return named;
    }
}
