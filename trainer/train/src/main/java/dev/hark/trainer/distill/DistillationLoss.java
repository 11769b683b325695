package dev.hark.trainer.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import dev.hark.trainer.model.EngineArrays;

/**
 * {@code alpha * T^2 * KL(p_teacher || p_student) + beta * hard(student, labels)} with
 * {@code p = softmax(logits / T)}, the KL divergence summed over classes and averaged over the batch.
 *
 * <p>Labels: {@code [class indices [batch], teacher logits [batch][classes]]} (the trainer appends the teacher's
 * logits, see {@link DistillationObjective}); predictions: the student's logits {@code [batch][classes]}. The
 * teacher's logits are constants: the trainer computes them outside the gradient recording and detaches them,
 * so the gradient reaches only the student.
 */
public final class DistillationLoss extends Loss {
    private final DistillationOptions options;
    private final Loss hard;

    /**
     * @param options temperature and weights
     * @param hard    the hard-label loss over {@code ([class indices], logits)}, e.g. softmax cross-entropy
     */
    public DistillationLoss(DistillationOptions options, Loss hard) {
        super("DistillationLoss");
        this.options = options;
        this.hard = hard;
    }

    public DistillationOptions options() {
        return options;
    }

    /** @throws IllegalArgumentException if the labels lack the teacher's logits or their shape differs */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("distillation loss: the labels carry no teacher logits");
        }
        NDArray student = predictions.singletonOrThrow();
        NDArray teacher = labels.get(1);
        if (!teacher.getShape().equals(student.getShape())) {
            throw new IllegalArgumentException("distillation loss: teacher logits " + teacher.getShape()
                    + " but student logits " + student.getShape());
        }
        float t = options.temperature();
        // The constants are engine arrays, not Java numbers: autograd keeps the divisor and the factors for the
        // backward pass, and DJL's own wrapping of a number is freed by the JVM's garbage collector whenever it
        // runs (EngineArrays#scalar).
        NDManager manager = student.getManager();
        NDArray temperature = EngineArrays.scalar(manager, t);
        NDArray teacherLog = teacher.div(temperature).logSoftmax(-1);
        NDArray studentLog = student.div(temperature).logSoftmax(-1);
        NDArray kl = teacherLog.exp().mul(teacherLog.sub(studentLog)).sum(new int[] {1}).mean();
        NDArray soft = kl.mul(EngineArrays.scalar(manager, options.alpha() * t * t));
        NDArray hardTerm = hard.evaluate(new NDList(labels.get(0)), predictions)
                .mul(EngineArrays.scalar(manager, options.beta()));
        return soft.add(hardTerm);
    }
}
