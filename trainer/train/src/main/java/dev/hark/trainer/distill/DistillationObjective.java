package dev.hark.trainer.distill;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.train.TrainingObjective;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        this.teacherFingerprint = fingerprint(teacherBlock);
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

    private static String fingerprint(CrnnBlock block) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Pair<String, Parameter> p : block.getParameters()) {
                d.update(p.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                float[] v = p.getValue().getArray().toFloatArray();
                ByteBuffer b = ByteBuffer.allocate(v.length * 4);
                b.asFloatBuffer().put(v);
                d.update(b.array());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
