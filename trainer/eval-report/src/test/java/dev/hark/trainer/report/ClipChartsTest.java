package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.Scores;
import java.util.Map;
import org.junit.jupiter.api.Test;

@Fast
class ClipChartsTest {
    private static final Scores SCORES = new Scores(new float[] {0.9f, 0.6f, 0.6f, 0.3f, 0.1f, 0.95f},
            new boolean[] {true, true, false, false, false, true});

    @Test
    void theDetCurveStepsThroughEveryDistinctScoreHighestFirst() {
        LineChart.Series det = ReportCharts.detCurve(Map.of("int8", SCORES)).series().get(0);
        // Thresholds 0.95, 0.9, 0.6 (a keyword and another clip at once), 0.3, 0.1.
        assertArrayEquals(new double[] {0, 0, 0, 100 / 3.0, 200 / 3.0, 100}, det.x(), 1e-9);
        assertArrayEquals(new double[] {100, 200 / 3.0, 100 / 3.0, 0, 0, 0}, det.y(), 1e-9);
    }

    @Test
    void theDetCurveNeedsBothClasses() {
        Scores onlyKeywords = new Scores(new float[] {0.5f}, new boolean[] {true});
        assertThrows(IllegalArgumentException.class, () -> ReportCharts.detCurve(Map.of("int8", onlyKeywords)));
    }

    @Test
    void scoreDistributionsAreSharesOfEachClassPerBin() {
        LineChart chart = ReportCharts.scoreDistributions("int8", SCORES, 4, 0.5);
        assertEquals("keyword clips", chart.series().get(0).name());
        assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, chart.series().get(0).x(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 100 / 3.0, 200 / 3.0}, chart.series().get(0).y(), 1e-9);
        assertArrayEquals(new double[] {100 / 3.0, 100 / 3.0, 100 / 3.0, 0}, chart.series().get(1).y(), 1e-9);
        assertEquals(0.5, chart.markers().get(0).x());
    }
}
