package dev.hark.trainer.train;

import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Map;

/**
 * What a training run minimizes. The trainer hands the loss a batch's labels as {@code [class indices (int64,
 * [batch]), extra labels...]}, where the extra labels are computed from the batch's input by
 * {@link #extraLabels} before the gradient is recorded: a distillation objective puts the teacher's logits there.
 * The same labels reach the evaluators, which read only the first array.
 */
public interface TrainingObjective {
    /** The loss over {@code (labels, logits)}; also reported per epoch as train and dev loss. */
    Loss loss();

    /**
     * Arrays appended to the labels of the batch with input {@code data} ({@code [batch][frames][mels]}); no
     * gradient flows into them. Attach them to {@code data}'s manager so they close with the batch.
     */
    default NDList extraLabels(NDList data) {
        return new NDList();
    }

    /**
     * What defines this objective, as {@code key -> value} (for instance the temperature and the teacher's
     * fingerprint); a checkpoint records it and a resumed run must present the same.
     */
    Map<String, String> settings();
}
