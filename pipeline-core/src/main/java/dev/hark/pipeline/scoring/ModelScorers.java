package dev.hark.pipeline.scoring;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.FloatWindowScorer;
import dev.hark.trainer.eval.Int8WindowScorer;
import dev.hark.trainer.eval.WindowScorer;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.report.Detector;
import java.util.List;

/**
 * A float network and its int8 twin as keyword scorers. The float side reads the front end's int8 features
 * dequantized with the front end's grid; the int8 side is the bit-exact simulator, scored from its logits
 * ({@link Int8WindowScorer} says why not from its softmax).
 *
 * @param floatScorer the float CRNN
 * @param int8Scorer  the quantized model, as the firmware computes it
 */
public record ModelScorers(WindowScorer floatScorer, WindowScorer int8Scorer) {
    /** @throws IllegalArgumentException if the model has no two-class logits layer */
    public static ModelScorers of(CrnnWeights weights, QuantizedModel model) {
        return new ModelScorers(floatScorer(weights), int8Scorer(model));
    }

    public static WindowScorer floatScorer(CrnnWeights weights) {
        return new FloatWindowScorer(new FloatCrnn(weights), FrontendConfig.FEATURE_QUANT);
    }

    /** @throws IllegalArgumentException if the model has no two-class logits layer */
    public static WindowScorer int8Scorer(QuantizedModel model) {
        return new Int8WindowScorer(model);
    }

    /** Both networks' scores of the same clips. */
    public FloatAndInt8Scores score(List<LabelledFeatures> clips) {
        return new FloatAndInt8Scores(ClipScores.of(floatScorer, clips), ClipScores.of(int8Scorer, clips));
    }

    /**
     * The two detectors of the evaluation report, named "float" and "int8": these scorers for the test clips,
     * {@code listeners} for the test stream.
     */
    public List<Detector> detectors(ModelListeners listeners) {
        return List.of(new Detector("float", floatScorer, listeners.floatModel()),
                new Detector("int8", int8Scorer, listeners.int8Model()));
    }
}
