package dev.hark.trainer.train;

/**
 * What one epoch achieved. Losses are the mean of per-batch mean losses (class-weighted when the training
 * used class weights); dev metrics cover the whole dev set.
 *
 * @param epoch       1-based epoch number
 * @param trainLoss   training loss, measured while the parameters were being updated
 * @param devLoss     dev loss after the epoch
 * @param devAccuracy fraction of dev clips whose arg-max class is right
 * @param devAuFaFr   {@link Metrics#auFaFr} on the dev set (NaN if the dev set lacks a class)
 * @param seconds     wall time of the epoch, training and dev evaluation
 */
public record EpochStats(int epoch, double trainLoss, double devLoss, double devAccuracy, double devAuFaFr,
                         double seconds) {

    /**
     * Whether this epoch is a better model than {@code other}: lower dev au_fa_fr, then lower dev loss (the
     * area often reaches 0 on an easy dev set, and the loss still separates those epochs). NaN loses.
     */
    public boolean betterThan(EpochStats other) {
        int byArea = compareNanLast(devAuFaFr, other.devAuFaFr);
        if (byArea != 0) {
            return byArea < 0;
        }
        return compareNanLast(devLoss, other.devLoss) < 0;
    }

    private static int compareNanLast(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) == Double.isNaN(b) ? 0 : Double.isNaN(a) ? 1 : -1;
        }
        return Double.compare(a, b);
    }
}
