package dev.hark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A DJL {@link Evaluator} for {@link Metrics#auFaFr}: it keeps every clip's keyword probability
 * ({@code softmax(logits)[1]}) and label per accumulator, because the area depends on the ranking of the whole
 * set and cannot be averaged over batches. The accumulator reads NaN while it lacks either class or holds a
 * NaN score.
 *
 * <p>Predictions: logits {@code [batch][classes]}; labels: class indices {@code [batch]}; class 1 is the keyword.
 */
public final class AuFaFrEvaluator extends Evaluator {
    public static final String NAME = "au_fa_fr";

    private final Map<String, Scores> accumulators = new HashMap<>();

    public AuFaFrEvaluator() {
        super(NAME);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        Scores s = new Scores();
        s.add(labels, predictions);
        return predictions.head().getManager().create((float) s.auFaFr());
    }

    @Override
    public synchronized void addAccumulator(String key) {
        accumulators.put(key, new Scores());
    }

    @Override
    public synchronized void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        Scores batch = new Scores();
        batch.add(labels, predictions);
        for (String key : keys) {
            accumulators.computeIfAbsent(key, k -> new Scores()).addAll(batch);
        }
    }

    @Override
    public synchronized void updateAccumulator(String key, NDList labels, NDList predictions) {
        updateAccumulators(new String[] {key}, labels, predictions);
    }

    @Override
    public synchronized void resetAccumulator(String key) {
        accumulators.put(key, new Scores());
    }

    @Override
    public synchronized float getAccumulator(String key) {
        Scores s = accumulators.get(key);
        if (s == null) {
            throw new IllegalArgumentException("au_fa_fr: no accumulator named " + key);
        }
        return (float) s.auFaFr();
    }

    /** A growing list of (keyword probability, is keyword). */
    private static final class Scores {
        private float[] probability = new float[256];
        private boolean[] keyword = new boolean[256];
        private int size;

        void add(NDList labels, NDList predictions) {
            NDArray logits = predictions.head();
            float[] p = logits.softmax(-1).get(":, 1").toType(DataType.FLOAT32, false).toFloatArray();
            long[] y = labels.head().toType(DataType.INT64, false).toLongArray();
            if (p.length != y.length) {
                throw new IllegalArgumentException("au_fa_fr: " + p.length + " predictions but " + y.length
                        + " labels");
            }
            for (int i = 0; i < p.length; i++) {
                append(p[i], y[i] == 1);
            }
        }

        void addAll(Scores other) {
            for (int i = 0; i < other.size; i++) {
                append(other.probability[i], other.keyword[i]);
            }
        }

        private void append(float p, boolean isKeyword) {
            if (size == probability.length) {
                probability = Arrays.copyOf(probability, size * 2);
                keyword = Arrays.copyOf(keyword, size * 2);
            }
            probability[size] = p;
            keyword[size] = isKeyword;
            size++;
        }

        double auFaFr() {
            boolean anyKeyword = false;
            boolean anyOther = false;
            for (int i = 0; i < size; i++) {
                if (Float.isNaN(probability[i])) {
                    return Double.NaN; // a diverged model; DJL's divergence check reports it
                }
                anyKeyword |= keyword[i];
                anyOther |= !keyword[i];
            }
            if (!anyKeyword || !anyOther) {
                return Double.NaN;
            }
            return Metrics.auFaFr(Arrays.copyOf(probability, size), Arrays.copyOf(keyword, size));
        }
    }
}
