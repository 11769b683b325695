package dev.hark.trainer.distill;

/**
 * The weights of knowledge distillation's loss
 * {@code alpha * T^2 * KL(softmax(teacher / T) || softmax(student / T)) + beta * CE(student, labels)}.
 * The {@code T^2} keeps the soft term's gradient on the scale of the hard term's as T grows (the softened
 * gradients shrink as {@code 1 / T^2}).
 *
 * @param temperature T, positive; 1 compares the plain distributions, larger values soften them
 * @param alpha       weight of the soft (teacher) term, {@code >= 0}
 * @param beta        weight of the hard (label) term, {@code >= 0}; alpha and beta not both 0
 */
public record DistillationOptions(float temperature, float alpha, float beta) {
    public DistillationOptions {
        if (!(temperature > 0) || !Float.isFinite(temperature) || !(alpha >= 0) || !(beta >= 0)
                || !Float.isFinite(alpha) || !Float.isFinite(beta) || alpha + beta == 0) {
            throw new IllegalArgumentException("distillation: temperature " + temperature + " must be positive,"
                    + " alpha " + alpha + " and beta " + beta + " non-negative and not both 0");
        }
    }

    /** T = 4, alpha = 0.7, beta = 0.3: soft targets dominate, labels keep the student honest. */
    public static DistillationOptions defaults() {
        return new DistillationOptions(4f, 0.7f, 0.3f);
    }
}
