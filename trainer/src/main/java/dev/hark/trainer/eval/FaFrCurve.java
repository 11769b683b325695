package dev.hark.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The false-alarms-per-hour vs false-reject-rate curve of a detector: keyword clips for the false rejects,
 * a long negative stream for the false alarms, over a sweep of thresholds.
 *
 * @param points one point per threshold, threshold ascending (so false alarms fall and false rejects rise)
 */
public record FaFrCurve(List<Point> points) {
    /** One operating point. */
    public record Point(float threshold, double faPerHour, double frRate) {
    }

    public FaFrCurve {
        points = List.copyOf(points);
    }

    /**
     * @param positiveScores    scores of the keyword clips
     * @param stream            window scores of the negative stream
     * @param refractorySeconds see {@link FalseAlarmCounter}
     * @param thresholds        how many thresholds to sweep (at least 2): quantiles of the stream and keyword
     *                          scores together, so the curve has detail where the scores are
     */
    public static FaFrCurve of(float[] positiveScores, StreamScores stream, double refractorySeconds,
                               int thresholds) {
        if (thresholds < 2 || positiveScores.length == 0 || stream.windows() == 0) {
            throw new IllegalArgumentException("FA/FR curve: need >= 2 thresholds, keyword scores and a scored"
                    + " stream");
        }
        float[] all = new float[positiveScores.length + stream.windows()];
        System.arraycopy(positiveScores, 0, all, 0, positiveScores.length);
        System.arraycopy(stream.scores(), 0, all, positiveScores.length, stream.windows());
        Arrays.sort(all);
        float[] levels = new float[thresholds];
        for (int i = 0; i < thresholds; i++) {
            levels[i] = all[(int) Math.round((double) i * (all.length - 1) / (thresholds - 1))];
        }
        levels[thresholds - 1] = Math.nextUp(all[all.length - 1]);
        List<Point> points = new ArrayList<>();
        float previous = Float.NaN;
        for (float t : levels) {
            if (t == previous) {
                continue;
            }
            previous = t;
            FalseRejectAtFalseAlarmRate m = FalseRejectAtFalseAlarmRate.at(positiveScores, stream, stream.hours(),
                    refractorySeconds, t, Double.NaN);
            points.add(new Point(t, m.faPerHour(), m.frRate()));
        }
        return new FaFrCurve(points);
    }

    public double[] faPerHour() {
        return points.stream().mapToDouble(Point::faPerHour).toArray();
    }

    public double[] frRate() {
        return points.stream().mapToDouble(Point::frRate).toArray();
    }
}
