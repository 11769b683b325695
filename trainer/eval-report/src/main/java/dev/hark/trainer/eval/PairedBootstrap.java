package dev.hark.trainer.eval;

import dev.hark.trainer.augment.ClipRandom;
import java.util.Arrays;
import java.util.List;

/**
 * The paired bootstrap of au_fa_fr over one set of clips that every model scored: each resample draws the keyword
 * clips and the other clips again, with replacement and the same number of each (so every resample has both
 * classes), and the same draw weighs every model's scores. A model's figure is its au_fa_fr averaged over its
 * training seeds; because the models share each resample, the difference of two models' figures varies only as
 * much as the clips make it differ, which is what makes a paired comparison sharper than two separate intervals.
 *
 * <p>Deterministic: the draws come from a {@link ClipRandom} stream named by the seed, so the same scores, seed and
 * number of resamples give the same intervals on every machine.
 */
public final class PairedBootstrap {
    /** Central coverage of the intervals. */
    public static final double COVERAGE = 0.95;

    private final double[] figures;
    /** {@code replicates[model][r]}: the model's figure on resample r. */
    private final double[][] replicates;

    private PairedBootstrap(double[] figures, double[][] replicates) {
        this.figures = figures;
        this.replicates = replicates;
    }

    /**
     * @param isKeyword  the clips' labels
     * @param models     per model, its scores of the clips under each of its training seeds (at least one)
     * @param resamples  how many resamples, at least 1
     * @param seed       names the resampling's random stream
     * @throws IllegalArgumentException if a class is absent, a score array does not match the labels, a model has
     *                                  no seed, or {@code resamples < 1}
     */
    public static PairedBootstrap run(boolean[] isKeyword, List<List<float[]>> models, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap: resamples must be at least 1, got " + resamples);
        }
        int[] positives = indices(isKeyword, true);
        int[] negatives = indices(isKeyword, false);
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("bootstrap: au_fa_fr needs both keyword and non-keyword clips, got "
                    + positives.length + " and " + negatives.length);
        }
        WeightedAuFaFr[][] areas = new WeightedAuFaFr[models.size()][];
        double[] figures = new double[models.size()];
        int[] ones = new int[isKeyword.length];
        Arrays.fill(ones, 1);
        for (int m = 0; m < models.size(); m++) {
            List<float[]> seeds = models.get(m);
            if (seeds.isEmpty()) {
                throw new IllegalArgumentException("bootstrap: model " + m + " has no scores");
            }
            areas[m] = new WeightedAuFaFr[seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                areas[m][s] = new WeightedAuFaFr(seeds.get(s), isKeyword);
            }
            figures[m] = mean(areas[m], ones);
        }
        ClipRandom random = ClipRandom.named("hark-paired-bootstrap/1:" + seed);
        double[][] replicates = new double[models.size()][resamples];
        int[] weights = new int[isKeyword.length];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(weights, 0);
            for (int i = 0; i < positives.length; i++) {
                weights[positives[random.nextInt(positives.length)]]++;
            }
            for (int i = 0; i < negatives.length; i++) {
                weights[negatives[random.nextInt(negatives.length)]]++;
            }
            for (int m = 0; m < models.size(); m++) {
                replicates[m][r] = mean(areas[m], weights);
            }
        }
        return new PairedBootstrap(figures, replicates);
    }

    /** Model {@code m}'s au_fa_fr on all clips, averaged over its seeds. */
    public double figure(int m) {
        return figures[m];
    }

    /** The percentile interval of model {@code m}'s figure over the resamples. */
    public Interval interval(int m) {
        return percentile(replicates[m]);
    }

    /**
     * Model {@code a} against model {@code b}: the difference of their figures ({@code a - b}; below 0 means a's
     * au_fa_fr is lower), its percentile interval over the shared resamples, and the verdict that interval gives.
     */
    public Comparison compare(int a, int b) {
        double[] difference = new double[replicates[a].length];
        for (int r = 0; r < difference.length; r++) {
            difference[r] = replicates[a][r] - replicates[b][r];
        }
        Interval interval = percentile(difference);
        return new Comparison(figures[a] - figures[b], interval, Verdict.ofLowerIsBetterDifference(interval));
    }

    /**
     * A paired comparison's outcome.
     *
     * @param difference A's figure minus B's
     * @param interval   its 95% percentile interval over the resamples
     * @param verdict    from the interval ({@link Verdict#ofLowerIsBetterDifference})
     */
    public record Comparison(double difference, Interval interval, Verdict verdict) {
    }

    private static double mean(WeightedAuFaFr[] seeds, int[] weights) {
        double sum = 0;
        for (WeightedAuFaFr area : seeds) {
            sum += area.area(weights);
        }
        return sum / seeds.length;
    }

    /** The central {@link #COVERAGE} of the values, by order statistics taken outward (never narrower). */
    static Interval percentile(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double tail = (1 - COVERAGE) / 2;
        int low = (int) Math.floor(tail * (sorted.length - 1));
        int high = (int) Math.ceil((1 - tail) * (sorted.length - 1));
        return new Interval(sorted[low], sorted[high]);
    }

    private static int[] indices(boolean[] isKeyword, boolean keyword) {
        return java.util.stream.IntStream.range(0, isKeyword.length).filter(i -> isKeyword[i] == keyword).toArray();
    }
}
