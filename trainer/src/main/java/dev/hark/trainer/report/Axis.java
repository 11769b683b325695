package dev.hark.trainer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One chart axis: a data range mapped onto a pixel range, linear or logarithmic, with readable ticks.
 * On a log axis, values {@code <= 0} are drawn at the axis minimum (so "0 false alarms" stays visible).
 */
final class Axis {
    final double min;
    final double max;
    final boolean log;

    private Axis(double min, double max, boolean log) {
        this.min = min;
        this.max = max;
        this.log = log;
    }

    /**
     * An axis covering {@code values} (NaN and, on a log axis, non-positive values ignored), widened to nice
     * tick boundaries; {@code fixedMin} / {@code fixedMax} override the ends when not NaN.
     */
    static Axis covering(List<double[]> values, boolean log, double fixedMin, double fixedMax) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean hasNonPositive = false;
        for (double[] vs : values) {
            for (double v : vs) {
                if (Double.isNaN(v) || Double.isInfinite(v) || (log && v <= 0)) {
                    hasNonPositive |= log && v <= 0;
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) { // nothing drawable
            lo = log ? 0.1 : 0;
            hi = log ? 10 : 1;
        }
        if (log) {
            lo = Math.pow(10, Math.floor(Math.log10(lo)));
            if (hasNonPositive) {
                lo /= 10; // one empty decade, so the values <= 0 drawn at the edge stand apart
            }
            hi = Math.pow(10, Math.ceil(Math.log10(hi)));
            if (hi <= lo) {
                hi = lo * 10;
            }
        } else {
            if (hi == lo) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            double step = niceStep((hi - lo) / 5);
            lo = Math.floor(lo / step + 1e-9) * step;
            hi = Math.ceil(hi / step - 1e-9) * step;
        }
        if (!Double.isNaN(fixedMin)) {
            lo = fixedMin;
        }
        if (!Double.isNaN(fixedMax)) {
            hi = fixedMax;
        }
        if (!(hi > lo) || (log && !(lo > 0))) {
            throw new IllegalArgumentException("chart axis: bad range [" + lo + ", " + hi + "]"
                    + (log ? " on a log axis" : ""));
        }
        return new Axis(lo, hi, log);
    }

    /** Position of {@code v} in {@code [0, 1]} along the axis (clamped). */
    double fraction(double v) {
        double f;
        if (log) {
            f = v <= 0 ? 0 : (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        } else {
            f = (v - min) / (max - min);
        }
        return Math.max(0, Math.min(1, f));
    }

    /** Tick values: 1-2-5 steps on a linear axis, every decade on a log axis. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int first = (int) Math.ceil(Math.log10(min) - 1e-9);
            int last = (int) Math.floor(Math.log10(max) + 1e-9);
            int every = Math.max(1, (last - first) / 8 + 1);
            for (int e = first; e <= last; e += every) {
                ticks.add(Math.pow(10, e));
            }
        } else {
            double step = niceStep((max - min) / 5);
            for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
        }
        return ticks;
    }

    /** A tick label with no more digits than the tick spacing needs. */
    String label(double v) {
        if (v == 0) {
            return "0";
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e5 || magnitude < 1e-4) {
            return String.format(Locale.ROOT, "%.0e", v);
        }
        double spacing = log ? magnitude : niceStep((max - min) / 5);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(spacing) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** The smallest of 1, 2, 5 x 10^k that is at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= raw * (1 - 1e-9)) {
                return m * decade;
            }
        }
        return 10 * decade;
    }
}
