package dev.hark.trainer.report;

import dev.hark.sim.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A small line-chart renderer on Java2D (works headless: {@code -Djava.awt.headless=true}): title, axes with
 * ticks and labels, a grid, several series with a legend, optional log scale per axis, shaded x bands and
 * vertical reference lines. Series with few points get a marker on every point.
 *
 * <p>Build with {@link #builder(String)}; {@link #render()} draws an RGB image, {@link #writePng(Path)} writes it
 * atomically. Charts are immutable.
 */
public final class LineChart {
    /** Colours that stay distinct for the usual colour-vision deficiencies (Okabe-Ito). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    private static final int MARKER_LIMIT = 60;

    /** One line: {@code x[i], y[i]} pairs in drawing order; NaN points break the line. */
    public record Series(String name, double[] x, double[] y) {
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

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logX;
    private final boolean logY;
    private final double[] xRange;
    private final double[] yRange;
    private final int width;
    private final int height;
    private final List<Series> series;
    private final List<Band> bands;
    private final List<Marker> markers;

    private LineChart(Builder b) {
        title = b.title;
        xLabel = b.xLabel;
        yLabel = b.yLabel;
        logX = b.logX;
        logY = b.logY;
        xRange = b.xRange.clone();
        yRange = b.yRange.clone();
        width = b.width;
        height = b.height;
        series = List.copyOf(b.series);
        bands = List.copyOf(b.bands);
        markers = List.copyOf(b.markers);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public List<Series> series() {
        return series;
    }

    /** Draws the chart. */
    public BufferedImage render() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Renders and writes a PNG atomically (temporary file, then rename). */
    public void writePng(Path file) throws IOException {
        BufferedImage image = render();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer available");
            }
        });
    }

    private void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        Font base = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        Font titleFont = base.deriveFont(Font.BOLD, 16f);
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Series s : series) {
            xs.add(s.x());
            ys.add(s.y());
        }
        for (Band band : bands) {
            xs.add(new double[] {band.from(), band.to()});
        }
        for (Marker m : markers) {
            xs.add(new double[] {m.x()});
        }
        Axis ax = Axis.covering(xs, logX, xRange[0], xRange[1]);
        Axis ay = Axis.covering(ys, logY, yRange[0], yRange[1]);

        g.setFont(base);
        FontMetrics fm = g.getFontMetrics();
        int yTickWidth = 0;
        for (double t : ay.ticks()) {
            yTickWidth = Math.max(yTickWidth, fm.stringWidth(ay.label(t)));
        }
        int left = 20 + fm.getHeight() + yTickWidth + 8;
        int right = width - 20;
        int top = 45;
        int bottom = height - (fm.getHeight() * 2 + 22);
        int plotW = right - left;
        int plotH = bottom - top;

        // Title.
        g.setFont(titleFont);
        g.setColor(Color.BLACK);
        FontMetrics tfm = g.getFontMetrics();
        g.drawString(title, (width - tfm.stringWidth(title)) / 2, 12 + tfm.getAscent());
        g.setFont(base);

        // Bands under everything else.
        for (Band band : bands) {
            int x0 = left + (int) Math.round(ax.fraction(band.from()) * plotW);
            int x1 = left + (int) Math.round(ax.fraction(band.to()) * plotW);
            g.setColor(new Color(255, 235, 160));
            g.fillRect(Math.min(x0, x1), top, Math.abs(x1 - x0), plotH);
            if (band.label() != null && !band.label().isEmpty()) {
                g.setColor(new Color(120, 90, 0));
                g.drawString(band.label(), Math.min(x0, x1) + 4, bottom - 6);
            }
        }

        // Grid and ticks.
        g.setStroke(new BasicStroke(1f));
        for (double t : ax.ticks()) {
            int x = left + (int) Math.round(ax.fraction(t) * plotW);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.BLACK);
            g.drawLine(x, bottom, x, bottom + 5);
            String label = ax.label(t);
            g.drawString(label, x - fm.stringWidth(label) / 2, bottom + 7 + fm.getAscent());
        }
        for (double t : ay.ticks()) {
            int y = bottom - (int) Math.round(ay.fraction(t) * plotH);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, right, y);
            g.setColor(Color.BLACK);
            g.drawLine(left - 5, y, left, y);
            String label = ay.label(t);
            g.drawString(label, left - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, plotW, plotH);

        // Axis labels; the y label reads bottom to top.
        g.drawString(xLabel, left + (plotW - fm.stringWidth(xLabel)) / 2, height - 10);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(top + (plotH + fm.stringWidth(yLabel)) / 2), 14 + fm.getAscent());
        g.setTransform(saved);

        // Reference lines.
        for (Marker m : markers) {
            int x = left + (int) Math.round(ax.fraction(m.x()) * plotW);
            g.setColor(new Color(90, 90, 90));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
            g.drawLine(x, top, x, bottom);
            if (m.label() != null && !m.label().isEmpty()) {
                g.drawString(m.label(), x + 4, bottom - 6);
            }
        }

        // Series, clipped to the plot.
        g.setClip(left, top, plotW + 1, plotH + 1);
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D.Double line = new Path2D.Double();
            boolean penDown = false;
            for (int k = 0; k < s.x().length; k++) {
                if (Double.isNaN(s.x()[k]) || Double.isNaN(s.y()[k])) {
                    penDown = false;
                    continue;
                }
                double px = left + ax.fraction(s.x()[k]) * plotW;
                double py = bottom - ay.fraction(s.y()[k]) * plotH;
                if (penDown) {
                    line.lineTo(px, py);
                } else {
                    line.moveTo(px, py);
                    penDown = true;
                }
                if (s.x().length <= MARKER_LIMIT) {
                    g.fill(new Ellipse2D.Double(px - 3, py - 3, 6, 6));
                }
            }
            g.draw(line);
        }
        g.setClip(null);

        drawLegend(g, fm, right, top);
    }

    private void drawLegend(Graphics2D g, FontMetrics fm, int right, int top) {
        if (series.isEmpty()) {
            return;
        }
        int textWidth = 0;
        for (Series s : series) {
            textWidth = Math.max(textWidth, fm.stringWidth(s.name()));
        }
        int row = fm.getHeight() + 2;
        int boxW = textWidth + 40;
        int boxH = row * series.size() + 8;
        int x = right - boxW - 8;
        int y = top + 8;
        g.setStroke(new BasicStroke(1f));
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(x, y, boxW, boxH);
        g.setColor(new Color(160, 160, 160));
        g.drawRect(x, y, boxW, boxH);
        for (int i = 0; i < series.size(); i++) {
            int cy = y + 4 + row * i + row / 2;
            g.setColor(PALETTE[i % PALETTE.length]);
            g.setStroke(new BasicStroke(3f));
            g.drawLine(x + 6, cy, x + 28, cy);
            g.setColor(Color.BLACK);
            g.drawString(series.get(i).name(), x + 34, cy + fm.getAscent() / 2 - 1);
        }
    }

    /** Collects a chart's settings; defaults: 800 x 500 pixels, linear axes fitted to the data. */
    public static final class Builder {
        private final String title;
        private String xLabel = "";
        private String yLabel = "";
        private boolean logX;
        private boolean logY;
        private final double[] xRange = {Double.NaN, Double.NaN};
        private final double[] yRange = {Double.NaN, Double.NaN};
        private int width = 800;
        private int height = 500;
        private final List<Series> series = new ArrayList<>();
        private final List<Band> bands = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder xLabel(String label) {
            xLabel = label;
            return this;
        }

        public Builder yLabel(String label) {
            yLabel = label;
            return this;
        }

        /** Logarithmic x axis (decade ticks); values <= 0 are drawn at the axis minimum. */
        public Builder logX() {
            logX = true;
            return this;
        }

        /** Logarithmic y axis (decade ticks); values <= 0 are drawn at the axis minimum. */
        public Builder logY() {
            logY = true;
            return this;
        }

        /** Fixed x range; NaN leaves an end fitted to the data. */
        public Builder xRange(double min, double max) {
            xRange[0] = min;
            xRange[1] = max;
            return this;
        }

        /** Fixed y range; NaN leaves an end fitted to the data. */
        public Builder yRange(double min, double max) {
            yRange[0] = min;
            yRange[1] = max;
            return this;
        }

        /** Image size in pixels, at least 200 x 150. */
        public Builder size(int width, int height) {
            if (width < 200 || height < 150) {
                throw new IllegalArgumentException("chart: size " + width + " x " + height + " is too small");
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder series(String name, double[] x, double[] y) {
            series.add(new Series(name, x, y));
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
            return new LineChart(this);
        }
    }
}
