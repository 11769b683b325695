package dev.hark.trainer.qat;

/**
 * One epoch of quantization-aware training. Epoch 0 is the starting point (post-training quantization) and has no
 * training loss (NaN).
 *
 * @param epoch          1-based; 0 for the start
 * @param trainLoss      mean cross-entropy of the fake-quantized logits over the epoch's batches
 * @param devInt8Accuracy accuracy of the converted int8 model (bit-exact simulator) on the dev clips
 * @param devInt8AuFaFr  its au_fa_fr on the dev clips
 */
public record QatEpoch(int epoch, double trainLoss, double devInt8Accuracy, double devInt8AuFaFr) {

    /** Whether this epoch is a better model than {@code other}: lower dev int8 au_fa_fr, then higher accuracy. */
    public boolean betterThan(QatEpoch other) {
        if (devInt8AuFaFr != other.devInt8AuFaFr) {
            return devInt8AuFaFr < other.devInt8AuFaFr;
        }
        return devInt8Accuracy > other.devInt8Accuracy;
    }
}
