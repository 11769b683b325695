package dev.hark.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

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
     * @param thresholds        about how many thresholds to sweep (at least 2). Half are quantiles of the keyword
     *                          scores (detail in false rejects); half are stream scores at log-spaced ranks from
     *                          the top (detail at low false-alarm rates, where a detector is used; the bulk of a
     *                          stream's windows score near 0 and would otherwise take every threshold). Each is
     *                          used as is and just above itself, plus one threshold above every score.
     */
    public static FaFrCurve of(float[] positiveScores, StreamScores stream, double refractorySeconds,
                               int thresholds) {
        if (thresholds < 2 || positiveScores.length == 0 || stream.windows() == 0) {
            throw new IllegalArgumentException("FA/FR curve: need >= 2 thresholds, keyword scores and a scored"
                    + " stream");
        }
        float[] positives = positiveScores.clone();
        float[] windows = stream.scores().clone();
        Arrays.sort(positives);
        Arrays.sort(windows);
        int half = Math.max(1, thresholds / 2);
        TreeSet<Float> levels = new TreeSet<>();
        for (int i = 0; i < half; i++) {
            levels.add(positives[(int) Math.round((double) i * (positives.length - 1) / Math.max(1, half - 1))]);
        }
        double logRanks = Math.log(windows.length);
        for (int i = 0; i < half; i++) {
            int rank = (int) Math.round(Math.exp(logRanks * i / Math.max(1, half - 1))); // 1 .. windows
            levels.add(windows[windows.length - Math.min(windows.length, Math.max(1, rank))]);
        }
        float top = Math.max(positives[positives.length - 1], windows[windows.length - 1]);
        TreeSet<Float> all = new TreeSet<>(levels);
        for (float level : levels) {
            all.add(Math.nextUp(level));
        }
        all.add(Math.nextUp(top));
        List<Point> points = new ArrayList<>();
        for (float t : all) {
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
