package dev.hark.trainer.distill;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.model.ParameterFingerprint;
import dev.hark.trainer.train.TrainingObjective;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains a student against a teacher: every batch (the same, possibly augmented, input the student sees) first
 * runs through the teacher in inference mode, and its logits become extra labels for the {@link DistillationLoss}.
 * The teacher is only read: it is not attached to the trainer, so its parameters get no gradient and never
 * change. Its configuration and a SHA-256 of its parameters go into the checkpoint settings, so a run cannot be
 * resumed against a different teacher.
 */
public final class DistillationObjective implements TrainingObjective {
    private final Model teacher;
    private final CrnnBlock teacherBlock;
    private final DistillationLoss loss;
    private final TrainingObjective hard;
    private final String teacherFingerprint;

    /**
     * @param teacher a model holding an initialized {@code CrnnBlock}; the caller keeps owning it
     * @param options temperature and weights
     * @param hard    the hard-label objective (its loss is the CE term; its settings are recorded)
     */
    public DistillationObjective(Model teacher, DistillationOptions options, TrainingObjective hard) {
        this.teacher = teacher;
        this.teacherBlock = CrnnModels.block(teacher);
        this.loss = new DistillationLoss(options, hard.loss());
        this.hard = hard;
        this.teacherFingerprint = ParameterFingerprint.of(teacherBlock);
    }

    @Override
    public Loss loss() {
        return loss;
    }

    @Override
    public NDList extraLabels(NDList data) {
        // Inference mode, parameters used in place on the batch's device; outputs attach to the batch's manager.
        ParameterStore store = new ParameterStore(data.head().getManager(), false);
        return teacherBlock.forward(store, data, false);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("kind", "distillation");
        s.put("temperature", Float.toString(loss.options().temperature()));
        s.put("alpha", Float.toString(loss.options().alpha()));
        s.put("beta", Float.toString(loss.options().beta()));
        s.put("teacher.config", teacherBlock.config().toString());
        s.put("teacher.sha256", teacherFingerprint);
        hard.settings().forEach((k, v) -> s.put("hard." + k, v));
        return s;
    }

    public Model teacher() {
        return teacher;
    }
}
