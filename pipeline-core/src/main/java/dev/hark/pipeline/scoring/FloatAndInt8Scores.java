package dev.hark.pipeline.scoring;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.quant.Int8Evaluation;
import dev.hark.trainer.train.Metrics;
import java.util.List;

/**
 * A float network's and its int8 twin's scores of the same clips, and the figures that compare them.
 *
 * @param floatScores the float network's keyword scores
 * @param int8Scores  the int8 network's, same clips in the same order
 */
public record FloatAndInt8Scores(Scores floatScores, Scores int8Scores) {
    /** @throws IllegalArgumentException if the two do not score the same number of clips */
    public FloatAndInt8Scores {
        if (floatScores.size() != int8Scores.size()) {
            throw new IllegalArgumentException("float and int8 scores: " + floatScores.size() + " and "
                    + int8Scores.size() + " clips");
        }
    }

    /** Scores {@code clips} with {@code weights} and {@code model} ({@link ModelScorers}). */
    public static FloatAndInt8Scores of(CrnnWeights weights, QuantizedModel model, List<LabelledFeatures> clips) {
        return ModelScorers.of(weights, model).score(clips);
    }

    /**
     * Accuracy of each at {@link ClipMetrics#THRESHOLD}, how often their decisions agree, how far their keyword
     * probabilities are apart, and the au_fa_fr of each.
     */
    public Int8Evaluation.Result comparison() {
        float[] f = floatScores.keywordScore();
        float[] q = int8Scores.keywordScore();
        boolean[] keyword = floatScores.isKeyword();
        int floatCorrect = 0;
        int int8Correct = 0;
        int agree = 0;
        double sumAbs = 0;
        double maxAbs = 0;
        for (int i = 0; i < f.length; i++) {
            boolean floatSays = f[i] >= ClipMetrics.THRESHOLD;
            boolean int8Says = q[i] >= ClipMetrics.THRESHOLD;
            floatCorrect += floatSays == keyword[i] ? 1 : 0;
            int8Correct += int8Says == keyword[i] ? 1 : 0;
            agree += floatSays == int8Says ? 1 : 0;
            double difference = Math.abs((double) f[i] - q[i]);
            sumAbs += difference;
            maxAbs = Math.max(maxAbs, difference);
        }
        return new Int8Evaluation.Result(f.length, floatCorrect, int8Correct, agree, sumAbs / Math.max(1, f.length),
                maxAbs, Metrics.auFaFr(f, keyword), Metrics.auFaFr(q, keyword));
    }

    /** The float network's clip metrics with intervals. @throws IllegalArgumentException if a class is absent */
    public ClipMetrics floatMetrics() {
        return ClipMetrics.of(floatScores);
    }

    /** The int8 network's clip metrics with intervals. @throws IllegalArgumentException if a class is absent */
    public ClipMetrics int8Metrics() {
        return ClipMetrics.of(int8Scores);
    }
}
