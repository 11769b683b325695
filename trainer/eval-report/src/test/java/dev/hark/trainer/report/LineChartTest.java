package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class LineChartTest {
    @Test
    void builderCollectsTheDescription() {
        LineChart chart = LineChart.builder("t").x(LineChart.Axis.logarithmic("x"))
                .y(LineChart.Axis.linear("y").range(0, Double.NaN)).size(640, 400)
                .series("s", new double[] {1, 2}, new double[] {3, 4})
                .band(1, 1.5, "band").marker(2, "line").build();
        assertEquals("t", chart.title());
        assertEquals(new LineChart.Axis("x", true, Double.NaN, Double.NaN), chart.x());
        assertEquals("y", chart.y().label());
        assertTrue(!chart.y().log() && chart.y().min() == 0 && Double.isNaN(chart.y().max()));
        assertEquals(List.of("s"), chart.series().stream().map(LineChart.Series::name).toList());
        assertEquals(List.of(new LineChart.Band(1, 1.5, "band")), chart.bands());
        assertEquals(List.of(new LineChart.Marker(2, "line")), chart.markers());
        assertEquals(640, chart.width());
        assertEquals(400, chart.height());
    }

    @Test
    void rejectsMismatchedSeriesAndTinyImages() {
        assertThrows(IllegalArgumentException.class,
                () -> LineChart.builder("bad").series("s", new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class, () -> LineChart.builder("bad").size(10, 10).build());
    }
}
