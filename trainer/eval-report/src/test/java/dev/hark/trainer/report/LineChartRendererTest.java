package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class LineChartRendererTest {
    @TempDir
    Path dir;

    private static final double[] X = {1, 2, 3, 4, 5};

    private static LineChart twoSeries() {
        return LineChart.builder("two series").x(LineChart.Axis.linear("epoch")).y(LineChart.Axis.linear("loss"))
                .size(640, 400)
                .series("a", X, new double[] {5, 4, 3, 2, 1})
                .series("b", X, new double[] {1, 1.5, 2, 2.5, 3.2})
                .build();
    }

    @Test
    void writesAPngOfTheChartsSizeWithEverySeriesInItsColour() throws Exception {
        Path png = dir.resolve("chart.png");
        LineChartRenderer.writePng(twoSeries(), png);
        BufferedImage image = PngChecks.assertDecodesAndIsNotBlank(png, 640, 400);
        assertTrue(PngChecks.pixelsNear(image, LineChartRenderer.PALETTE[0]) > 300);
        assertTrue(PngChecks.pixelsNear(image, LineChartRenderer.PALETTE[1]) > 300);
        assertEquals(0, PngChecks.pixelsNear(image, LineChartRenderer.PALETTE[2]), "no third series was drawn");
        // The atomic write leaves no temporary file behind.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void theModelHoldsTheSeriesTitleAndAxisLabels() {
        JFreeChart chart = LineChartRenderer.toJFreeChart(twoSeries());
        assertEquals("two series", chart.getTitle().getText());
        XYPlot plot = chart.getXYPlot();
        assertEquals("epoch", plot.getDomainAxis().getLabel());
        assertEquals("loss", plot.getRangeAxis().getLabel());
        XYDataset data = plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("a", data.getSeriesKey(0));
        assertEquals("b", data.getSeriesKey(1));
        for (int i = 0; i < X.length; i++) {
            assertEquals(X[i], data.getXValue(0, i));
        }
        assertEquals(3.2, data.getYValue(1, 4));
    }

    @Test
    void aPointsSeriesIsDrawnAsMarksWithoutALine() {
        LineChart chart = LineChart.builder("events").series("curve", X, new double[] {1, 2, 3, 2, 1})
                .points("events", new double[] {3}, new double[] {3}).build();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) LineChartRenderer.toJFreeChart(chart).getXYPlot()
                .getRenderer();
        assertTrue(renderer.getSeriesLinesVisible(0) == null || renderer.getSeriesLinesVisible(0));
        assertEquals(Boolean.FALSE, renderer.getSeriesLinesVisible(1));
        assertEquals(Boolean.TRUE, renderer.getSeriesShapesVisible(1));
        BufferedImage image = LineChartRenderer.render(chart);
        assertTrue(PngChecks.pixelsNear(image, LineChartRenderer.PALETTE[1]) > 30, "the mark is drawn (plot and legend)");
    }

    @Test
    void linearAxesCoverTheDataAndKeepTheirFixedEnds() {
        XYPlot plot = LineChartRenderer.toJFreeChart(twoSeries()).getXYPlot();
        assertInstanceOf(NumberAxis.class, plot.getDomainAxis());
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        Range x = plot.getDomainAxis().getRange();
        Range y = plot.getRangeAxis().getRange();
        assertTrue(x.contains(1) && x.contains(5), x.toString());
        assertTrue(y.contains(1) && y.contains(5), y.toString());

        LineChart fixed = LineChart.builder("fixed").x(LineChart.Axis.linear("").range(0, 9))
                .y(LineChart.Axis.linear("").range(0, Double.NaN))
                .series("s", X, new double[] {0.3, 0.5, 0.9, 0.6, 0.4}).build();
        XYPlot fixedPlot = LineChartRenderer.toJFreeChart(fixed).getXYPlot();
        assertEquals(new Range(0, 9), fixedPlot.getDomainAxis().getRange());
        assertEquals(0, fixedPlot.getRangeAxis().getLowerBound());
        assertTrue(fixedPlot.getRangeAxis().getUpperBound() >= 0.9);
    }

    @Test
    void aLogAxisDrawsZerosAtItsMinimumAndShowsBandsAndReferenceLines() {
        LineChart chart = LineChart.builder("log").x(LineChart.Axis.logarithmic(""))
                .series("fa/fr", new double[] {0, 0.5, 3, 40, 800}, new double[] {30, 10, 5, 1, 0})
                .band(0.2, 1, "band").marker(2, "2 FA/h").build();
        XYPlot plot = LineChartRenderer.toJFreeChart(chart).getXYPlot();
        LogAxis x = assertInstanceOf(LogAxis.class, plot.getDomainAxis());
        assertInstanceOf(NumberAxis.class, plot.getRangeAxis());
        // Decades around the positive values, one more below for the zero, which sits on the axis minimum.
        assertEquals(0.01, x.getLowerBound(), 1e-9);
        assertEquals(1000, x.getUpperBound(), 1e-3);
        assertEquals(x.getLowerBound(), plot.getDataset().getXValue(0, 0), 1e-9);
        assertEquals(800, plot.getDataset().getXValue(0, 4));

        List<Marker> markers = List.copyOf(plot.getDomainMarkers(Layer.BACKGROUND));
        assertEquals(2, markers.size());
        IntervalMarker band = assertInstanceOf(IntervalMarker.class, markers.get(0));
        assertEquals(0.2, band.getStartValue());
        assertEquals("band", band.getLabel());
        ValueMarker line = assertInstanceOf(ValueMarker.class, markers.get(1));
        assertEquals(2, line.getValue());
        assertEquals("2 FA/h", line.getLabel());
    }

    @Test
    void axisRanges() {
        LineChart.Axis linear = new LineChart.Axis("", false, Double.NaN, Double.NaN);
        // Fitted ends are widened to the next tick of a 1-2-5 step.
        assertEquals(new Range(0, 1), LineChartRenderer.range(linear, List.of(new double[] {0.013, 0.87})));
        assertEquals(new Range(0, 1), LineChartRenderer.range(linear, List.of(new double[0])));
        LineChart.Axis log = new LineChart.Axis("", true, Double.NaN, Double.NaN);
        Range decades = LineChartRenderer.range(log, List.of(new double[] {0.3, 42, Double.NaN}));
        assertEquals(0.1, decades.getLowerBound(), 1e-12);
        assertEquals(100, decades.getUpperBound(), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> LineChartRenderer.range(new LineChart.Axis("", true, 0, 10), List.of(new double[] {1})));
        assertThrows(IllegalArgumentException.class,
                () -> LineChartRenderer.range(new LineChart.Axis("", false, 5, Double.NaN), List.of(new double[] {1})));
    }

    @Test
    void rendersInTheHeadlessJvmOfTheBuild() {
        // The report is written on machines without a display; the build runs the tests the same way.
        assertTrue(GraphicsEnvironment.isHeadless());
        BufferedImage image = LineChartRenderer.render(twoSeries());
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
    }
}
