package dev.hark.trainer.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What a line chart shows: title, two axes, several series, shaded x bands and vertical reference lines. It is
 * only a description; {@link LineChartRenderer} draws it. Series with few points get a marker on every point.
 *
 * <p>Build with {@link #builder(String)}; charts are immutable.
 *
 * @param width  image width in pixels
 * @param height image height in pixels
 */
public record LineChart(String title, Axis x, Axis y, int width, int height, List<Series> series, List<Band> bands,
                        List<Marker> markers) {
    /**
     * One axis.
     *
     * @param log on a log axis values {@code <= 0} are drawn at the axis minimum (so "0 false alarms" stays
     *            visible)
     * @param min the fixed lower end; NaN to fit it to the data
     * @param max the fixed upper end; NaN to fit it to the data
     */
    public record Axis(String label, boolean log, double min, double max) {
        /** A linear axis fitted to the data. */
        public static Axis linear(String label) {
            return new Axis(label, false, Double.NaN, Double.NaN);
        }

        /** A logarithmic axis (decade ticks) fitted to the data; values {@code <= 0} are drawn at its minimum. */
        public static Axis logarithmic(String label) {
            return new Axis(label, true, Double.NaN, Double.NaN);
        }

        /** This axis with fixed ends; NaN leaves an end fitted to the data. */
        public Axis range(double from, double to) {
            return new Axis(label, log, from, to);
        }
    }

    /**
     * One line, or separate points: {@code x[i], y[i]} pairs in drawing order; NaN or infinite points break the
     * line.
     *
     * @param pointsOnly draw a mark at each point and no line (e.g. events on a curve)
     */
    public record Series(String name, double[] x, double[] y, boolean pointsOnly) {
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("chart series '" + name + "': " + x.length + " x values but "
                        + y.length + " y values");
            }
        }
    }

    /** A shaded vertical band, e.g. where the keyword is. */
    public record Band(double from, double to, String label) {
    }

    /** A dashed vertical line, e.g. the false-alarm budget. */
    public record Marker(double x, String label) {
    }

    public LineChart {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("chart: size " + width + " x " + height + " is too small");
        }
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        markers = List.copyOf(markers);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** Collects a chart's settings; defaults: 800 x 500 pixels, unlabelled linear axes fitted to the data. */
    public static final class Builder {
        private final String title;
        private Axis x = Axis.linear("");
        private Axis y = Axis.linear("");
        private int width = 800;
        private int height = 500;
        private final List<Series> series = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder x(Axis axis) {
            x = axis;
            return this;
        }

        public Builder y(Axis axis) {
            y = axis;
            return this;
        }

        /** Image size in pixels, at least 200 x 150. */
        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder series(String name, double[] x, double[] y) {
            series.add(new Series(name, x, y, false));
            return this;
        }

        /** A series drawn as marks without a line, e.g. the moments a detector fired. */
        public Builder points(String name, double[] x, double[] y) {
            series.add(new Series(name, x, y, true));
            return this;
        }

        public Builder band(double from, double to, String label) {
            bands.add(new Band(from, to, label));
            return this;
        }

        public Builder marker(double x, String label) {
            markers.add(new Marker(x, label));
            return this;
        }

        public LineChart build() {
            return new LineChart(title, x, y, width, height, series, bands, markers);
        }
    }
}
