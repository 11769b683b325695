package dev.hark.trainer.report;

import dev.hark.sim.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Polygon;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a {@link LineChart} with JFreeChart: white plot, light grid, the legend inside the plot's top right
 * corner, colours that stay distinct for the usual colour-vision deficiencies. Needs no display
 * ({@code -Djava.awt.headless=true}).
 */
public final class LineChartRenderer {
    /** Okabe-Ito colours, in the order the series get them. */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
        new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)};
    /** Series with at most this many points get a dot on every point. */
    private static final int MARKER_LIMIT = 60;
    private static final float TICK_LENGTH = 5;
    /**
     * The mark of a points-only series: a triangle below its point, pointing up at it, large enough to see on a
     * line; below, so a point at the top of a fixed axis (a probability of 1) is not cut off. Each further
     * points-only series gets a smaller one, drawn on top, so marks of several series at one point nest instead of
     * hiding each other.
     */
    private static Shape pointer(int pointsSeriesBefore) {
        int half = Math.max(3, 8 - 3 * pointsSeriesBefore);
        return new Polygon(new int[] {-half, half, 0}, new int[] {3 * half / 2, 3 * half / 2, 0}, 3);
    }
    private static final Color GRID = new Color(225, 225, 225);
    private static final Color REFERENCE_LINE = new Color(90, 90, 90);
    private static final Color BAND = new Color(255, 235, 160);
    private static final Color BAND_LABEL = new Color(120, 90, 0);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private LineChartRenderer() {
    }

    /** Renders and writes a PNG atomically (temporary file, then rename). */
    public static void writePng(LineChart chart, Path file) throws IOException {
        BufferedImage image = render(chart);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException(file + ": no PNG writer available");
            }
        });
    }

    /** Draws the chart into an RGB image of the chart's size. */
    public static BufferedImage render(LineChart chart) {
        return toJFreeChart(chart).createBufferedImage(chart.width(), chart.height(), BufferedImage.TYPE_INT_RGB,
                null);
    }

    /** The JFreeChart model of the chart: one XY plot, one dataset with the series in order. */
    static JFreeChart toJFreeChart(LineChart chart) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (LineChart.Series s : chart.series()) {
            xs.add(s.x());
            ys.add(s.y());
        }
        for (LineChart.Band band : chart.bands()) {
            xs.add(new double[] {band.from(), band.to()});
        }
        for (LineChart.Marker m : chart.markers()) {
            xs.add(new double[] {m.x()});
        }
        Range xRange = range(chart.x(), xs);
        Range yRange = range(chart.y(), ys);

        XYSeriesCollection dataset = new XYSeriesCollection();
        for (LineChart.Series s : chart.series()) {
            XYSeries series = new XYSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                double x = onAxis(s.x()[i], chart.x(), xRange);
                double y = onAxis(s.y()[i], chart.y(), yRange);
                series.add(x, Double.isNaN(x) ? Double.NaN : y); // a NaN y breaks the line
            }
            dataset.addSeries(series);
        }

        XYPlot plot = new XYPlot(dataset, axis(chart.x(), xRange), axis(chart.y(), yRange), lines(chart));
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // later series on top, as the legend lists them
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.BLACK);
        plot.setOutlineStroke(new BasicStroke(1f));
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        for (LineChart.Band band : chart.bands()) {
            plot.addDomainMarker(band(band), Layer.BACKGROUND);
        }
        for (LineChart.Marker m : chart.markers()) {
            plot.addDomainMarker(referenceLine(m), Layer.BACKGROUND);
        }
        if (!chart.series().isEmpty()) {
            plot.addAnnotation(new XYTitleAnnotation(0.985, 0.975, legend(plot), RectangleAnchor.TOP_RIGHT));
        }

        JFreeChart result = new JFreeChart(chart.title(), TITLE_FONT, plot, false);
        result.setBackgroundPaint(Color.WHITE);
        result.setAntiAlias(true);
        result.setTextAntiAlias(true);
        result.setPadding(new RectangleInsets(8, 8, 8, 16));
        result.getTitle().setMargin(new RectangleInsets(4, 0, 10, 0));
        return result;
    }

    /**
     * The range an axis shows: its fixed ends, the others fitted to {@code values} (NaN and infinite values
     * ignored) and widened to the next tick, so the frame ends on a labelled tick. A log axis ends on whole
     * decades, one empty decade lower when there are values {@code <= 0} so those, drawn at the minimum, stand
     * apart.
     */
    static Range range(LineChart.Axis axis, List<double[]> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean nonPositive = false;
        for (double[] vs : values) {
            for (double v : vs) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (axis.log() && v <= 0) {
                    nonPositive = true;
                    continue;
                }
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (axis.log()) {
            if (lo > hi) { // nothing drawable
                lo = 1;
                hi = 10;
            }
            lo = Math.pow(10, Math.floor(Math.log10(lo))) / (nonPositive ? 10 : 1);
            hi = Math.max(Math.pow(10, Math.ceil(Math.log10(hi))), lo * 10);
        } else {
            if (lo > hi) {
                lo = 0;
                hi = 1;
            } else if (lo == hi) {
                double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
                lo -= pad;
                hi += pad;
            }
            double step = tickStep((Double.isNaN(axis.max()) ? hi : axis.max())
                    - (Double.isNaN(axis.min()) ? lo : axis.min()));
            lo = Math.floor(lo / step + 1e-9) * step;
            hi = Math.ceil(hi / step - 1e-9) * step;
        }
        lo = Double.isNaN(axis.min()) ? lo : axis.min();
        hi = Double.isNaN(axis.max()) ? hi : axis.max();
        if (!(hi > lo) || (axis.log() && !(lo > 0))) {
            throw new IllegalArgumentException("chart axis '" + axis.label() + "': bad range [" + lo + ", " + hi
                    + "]" + (axis.log() ? " on a log axis" : ""));
        }
        return new Range(lo, hi);
    }

    /** The 1, 2 or 5 times a power of ten that splits {@code span} into at most five parts. */
    static double tickStep(double span) {
        return new NumberTickUnitSource().getCeilingTickUnit(span > 0 ? span / 5 : 1).getSize();
    }

    /** Where a value is drawn: values {@code <= 0} at the minimum of a log axis; infinities not at all. */
    private static double onAxis(double v, LineChart.Axis axis, Range range) {
        if (Double.isInfinite(v)) {
            return Double.NaN;
        }
        return axis.log() && v <= 0 ? range.getLowerBound() : v;
    }

    private static ValueAxis axis(LineChart.Axis settings, Range range) {
        NumberFormat labels = new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        ValueAxis axis;
        if (settings.log()) {
            LogAxis log = new LogAxis(settings.label());
            double decades = Math.log10(range.getUpperBound() / range.getLowerBound());
            double step = Math.max(1, Math.ceil(decades / 8 - 1e-9));
            log.setTickUnit(new NumberTickUnit(step, labels)); // a tick on every (or every few) decade
            log.setNumberFormatOverride(labels);
            // A hair wider than the decades: the axis takes logarithms by division, and 0.1 may come out just
            // above -1 and lose its tick.
            log.setRange(range.getLowerBound() * (1 - 1e-9), range.getUpperBound() * (1 + 1e-9));
            axis = log;
        } else {
            NumberAxis linear = new NumberAxis(settings.label());
            linear.setTickUnit(new NumberTickUnit(tickStep(range.getLength()), labels));
            linear.setRange(range);
            axis = linear;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
        axis.setAxisLineVisible(false); // the plot's outline is the frame
        axis.setTickMarkPaint(Color.BLACK);
        axis.setTickMarkStroke(new BasicStroke(1f));
        axis.setTickMarkOutsideLength(TICK_LENGTH);
        // JFreeChart places tick labels from the axis line, not from the end of the tick marks.
        axis.setTickLabelInsets(new RectangleInsets(TICK_LENGTH + 1, TICK_LENGTH + 3, TICK_LENGTH + 1,
                TICK_LENGTH + 3));
        axis.setLabelInsets(new RectangleInsets(6, 6, 6, 6));
        return axis;
    }

    private static XYLineAndShapeRenderer lines(LineChart chart) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setLegendLine(new Line2D.Double(-12, 0, 12, 0));
        Stroke line = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        int pointsSeries = 0;
        for (int i = 0; i < chart.series().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, line);
            LineChart.Series series = chart.series().get(i);
            if (series.pointsOnly()) {
                renderer.setSeriesLinesVisible(i, false);
                renderer.setSeriesShapesVisible(i, true);
                renderer.setSeriesShape(i, pointer(pointsSeries++));
            } else {
                renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
                renderer.setSeriesShapesVisible(i, series.x().length <= MARKER_LIMIT);
            }
        }
        return renderer;
    }

    private static LegendTitle legend(XYPlot plot) {
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.RIGHT); // one item per row
        legend.setItemFont(LABEL_FONT);
        legend.setBackgroundPaint(new Color(255, 255, 255, 230));
        legend.setFrame(new BlockBorder(new Color(160, 160, 160)));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 6));
        legend.setPadding(new RectangleInsets(4, 6, 4, 6));
        return legend;
    }

    private static IntervalMarker band(LineChart.Band band) {
        IntervalMarker marker = new IntervalMarker(band.from(), band.to(), BAND);
        marker.setAlpha(0.85f); // the grid shows through faintly
        label(marker, band.label(), BAND_LABEL, RectangleAnchor.BOTTOM_LEFT, new RectangleInsets(6, 5, 6, 5));
        return marker;
    }

    private static ValueMarker referenceLine(LineChart.Marker m) {
        ValueMarker marker = new ValueMarker(m.x(), REFERENCE_LINE, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        label(marker, m.label(), REFERENCE_LINE, RectangleAnchor.BOTTOM_RIGHT, new RectangleInsets(6, 4, 6, 4));
        return marker;
    }

    /** Draws {@code text}, if any, at the marker's {@code anchor}, from the text's bottom-left corner. */
    private static void label(Marker marker, String text, Color paint, RectangleAnchor anchor,
                              RectangleInsets offset) {
        if (text == null || text.isEmpty()) {
            return;
        }
        marker.setLabel(text);
        marker.setLabelFont(TICK_FONT);
        marker.setLabelPaint(paint);
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelOffset(offset);
        marker.setLabelBackgroundColor(TRANSPARENT);
    }
}
