package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartTest {
    @TempDir
    Path dir;

    @Test
    void drawsEverySeriesInItsColour() throws Exception {
        double[] x = {1, 2, 3, 4, 5};
        LineChart chart = LineChart.builder("two series").xLabel("epoch").yLabel("loss").size(640, 400)
                .series("a", x, new double[] {5, 4, 3, 2, 1})
                .series("b", x, new double[] {1, 1.5, 2, 2.5, 3})
                .build();
        Path png = dir.resolve("chart.png");
        chart.writePng(png);
        BufferedImage image = PngChecks.assertDecodesAndIsNotBlank(png, 640, 400);
        assertTrue(PngChecks.pixelsNear(image, LineChart.PALETTE[0]) > 300);
        assertTrue(PngChecks.pixelsNear(image, LineChart.PALETTE[1]) > 300);
        assertTrue(PngChecks.pixelsNear(image, LineChart.PALETTE[2]) == 0, "no third series was drawn");
    }

    @Test
    void logAxisCopesWithZeros() throws Exception {
        LineChart chart = LineChart.builder("log").logX()
                .series("fa/fr", new double[] {0, 0.5, 3, 40, 800}, new double[] {30, 10, 5, 1, 0})
                .band(0.1, 1, "band").marker(1, "1 FA/h").build();
        Path png = dir.resolve("log.png");
        chart.writePng(png);
        PngChecks.assertDecodesAndIsNotBlank(png, 800, 500);
        // No temporary files are left behind by the atomic write.
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void ticksAreNiceNumbers() {
        Axis linear = Axis.covering(List.of(new double[] {0.013, 0.87}), false, Double.NaN, Double.NaN);
        assertEquals(0, linear.min, 1e-12);
        assertEquals(1, linear.max, 1e-12);
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), linear.ticks().stream()
                .map(t -> Math.round(t * 1e9) / 1e9).toList());
        Axis log = Axis.covering(List.of(new double[] {0.3, 42}), true, Double.NaN, Double.NaN);
        assertEquals(0.1, log.min, 1e-12);
        assertEquals(100, log.max, 1e-9);
        assertEquals(4, log.ticks().size());
        assertEquals("0.1", log.label(0.1));
        // A zero is drawn at the left edge, one empty decade below the smallest positive value.
        Axis withZero = Axis.covering(List.of(new double[] {0, 0.3, 42}), true, Double.NaN, Double.NaN);
        assertEquals(0.01, withZero.min, 1e-12);
        assertEquals(0, withZero.fraction(0));
    }

    @Test
    void rejectsMismatchedSeries() {
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.builder("bad").series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder("bad").size(10, 10));
    }
}
