package dev.hark.trainer.quant;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.Int8WindowScorer;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.train.Metrics;
import java.util.List;

/**
 * Float against int8 on the same clips: accuracy of each at the 0.5 threshold, how often their decisions agree,
 * and how far their keyword probabilities are apart. The int8 side is the integer simulator, i.e. exactly what
 * the firmware computes; its keyword probability is taken from the int8 logits ({@link Int8WindowScorer}), because
 * the int8 softmax output saturates at 255/256 and would tie every confident clip.
 */
public final class Int8Evaluation {
    /**
     * @param clips              clips evaluated
     * @param floatCorrect       clips the float model classifies correctly
     * @param int8Correct        clips the int8 model classifies correctly
     * @param decisionsAgree     clips where both make the same decision
     * @param meanAbsProbability mean |P_float(keyword) - P_int8(keyword)|
     * @param maxAbsProbability  the largest such difference
     * @param floatAuFaFr        area under the false-alarm / false-reject curve of the float model (lower is better)
     * @param int8AuFaFr         the same for the int8 model
     */
    public record Result(int clips, int floatCorrect, int int8Correct, int decisionsAgree, double meanAbsProbability,
                         double maxAbsProbability, double floatAuFaFr, double int8AuFaFr) {
        public double floatAccuracy() {
            return (double) floatCorrect / clips;
        }

        public double int8Accuracy() {
            return (double) int8Correct / clips;
        }

        public double agreement() {
            return (double) decisionsAgree / clips;
        }
    }

    private Int8Evaluation() {
    }

    public static Result evaluate(CrnnWeights weights, QuantizedModel model, List<LabelledFeatures> clips) {
        FloatCrnn floatNet = new FloatCrnn(weights);
        Int8WindowScorer int8Net = new Int8WindowScorer(model);
        int floatCorrect = 0;
        int int8Correct = 0;
        int agree = 0;
        double sumAbs = 0;
        double maxAbs = 0;
        float[] floatScores = new float[clips.size()];
        float[] int8Scores = new float[clips.size()];
        boolean[] isKeyword = new boolean[clips.size()];
        int index = 0;
        for (LabelledFeatures clip : clips) {
            float[] logits = floatNet.forward(InputFeatures.dequantize(clip.features(), model.info().inputQuant()));
            double pFloat = FloatCrnn.softmax(logits)[1];
            double pInt8 = int8Net.score(clip.features());
            boolean floatSays = pFloat >= 0.5;
            boolean int8Says = pInt8 >= 0.5;
            boolean truth = clip.label() == 1;
            floatScores[index] = (float) pFloat;
            int8Scores[index] = (float) pInt8;
            isKeyword[index++] = truth;
            floatCorrect += floatSays == truth ? 1 : 0;
            int8Correct += int8Says == truth ? 1 : 0;
            agree += floatSays == int8Says ? 1 : 0;
            double diff = Math.abs(pFloat - pInt8);
            sumAbs += diff;
            maxAbs = Math.max(maxAbs, diff);
        }
        return new Result(clips.size(), floatCorrect, int8Correct, agree, sumAbs / Math.max(1, clips.size()), maxAbs,
                Metrics.auFaFr(floatScores, isKeyword), Metrics.auFaFr(int8Scores, isKeyword));
    }
}
