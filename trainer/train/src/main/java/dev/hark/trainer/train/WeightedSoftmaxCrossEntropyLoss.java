package dev.hark.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with a weight per class, normalized like PyTorch's weighted {@code CrossEntropyLoss}:
 * {@code sum_i w[y_i] * -log softmax(x_i)[y_i] / sum_i w[y_i]}. DJL's {@code SoftmaxCrossEntropyLoss} only
 * takes one scalar weight, which cannot counter class imbalance.
 *
 * <p>Predictions: logits {@code [batch][classes]}; labels: class indices {@code [batch]} (any numeric type).
 */
public final class WeightedSoftmaxCrossEntropyLoss extends Loss {
    private final float[] classWeights;

    /**
     * @param classWeights one positive weight per class
     * @throws IllegalArgumentException if a weight is not positive and finite
     */
    public WeightedSoftmaxCrossEntropyLoss(float... classWeights) {
        super("WeightedSoftmaxCrossEntropyLoss");
        for (float w : classWeights) {
            if (!(w > 0) || Float.isInfinite(w)) {
                throw new IllegalArgumentException("class weights must be positive and finite, got " + w);
            }
        }
        this.classWeights = classWeights.clone();
    }

    /**
     * Weights that make every class count as much in total: {@code w_c = n / (classes * n_c)}. A class absent
     * from the counts gets weight 1.
     */
    public static float[] balancedWeights(long[] countPerClass) {
        long total = 0;
        for (long c : countPerClass) {
            total += c;
        }
        float[] w = new float[countPerClass.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = countPerClass[c] == 0 ? 1f : (float) ((double) total / (w.length * countPerClass[c]));
        }
        return w;
    }

    public float[] classWeights() {
        return classWeights.clone();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        int classes = Math.toIntExact(logits.getShape().getLastDimension());
        if (classes != classWeights.length) {
            throw new IllegalArgumentException("weighted loss: " + classWeights.length + " class weights for "
                    + classes + " classes");
        }
        NDArray oneHot = labels.singletonOrThrow().toType(DataType.INT64, false).reshape(-1).oneHot(classes)
                .toType(logits.getDataType(), false);
        NDArray weights = logits.getManager().create(classWeights).toType(logits.getDataType(), false);
        NDArray sampleWeight = oneHot.mul(weights).sum(new int[] {1});
        NDArray nll = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {1}).neg();
        return nll.mul(sampleWeight).sum().div(sampleWeight.sum());
    }
}
