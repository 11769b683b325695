package dev.hark.pipeline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.report.EvaluationReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Fast
class DemoReportTest {
    @Test
    void theStreamingLinesGiveEachNetworksHitsMissesFalseAlarmsAndIntervals() {
        Map<String, StreamOutcome> atBudget = new LinkedHashMap<>();
        atBudget.put("float", new StreamOutcome(233, 182, 4, 1, 1.0));
        atBudget.put("int8", new StreamOutcome(StreamOutcome.NEVER, 0, 186, 0, 1.0));
        EvaluationReport.Streaming streaming = new EvaluationReport.Streaming(1.0, 186, StatePolicy.CARRIED,
                DetectorTiming.DEFAULT, 1.0, atBudget, Map.of("float", 20.0, "int8", 25.0), 3.0);
        DemoReport report = new DemoReport();
        report.evaluation(new EvaluationReport.Result(Path.of("report", "index.html"), Map.of(),
                Optional.of(streaming), Map.of(), List.of("a.png")));

        List<String> lines = report.render().lines().toList();
        assertTrue(lines.get(1).startsWith("streaming:") && lines.get(1).contains("186 keywords")
                && lines.get(1).contains("state carried") && lines.get(1).contains("<= 1 FA/h"), lines.get(1));
        assertEquals("               float 182 hits, 4 misses, 1 false alarm: FRR 2.2% [0.6, 5.4], "
                + "1.00 FA/h [0.03, 5.57] (threshold 233)", lines.get(2));
        assertTrue(lines.get(3).contains("int8") && lines.get(3).contains("FRR 100.0% [98.0, 100.0]")
                && lines.get(3).contains("no threshold meets the budget"), lines.get(3));
        assertTrue(lines.get(4).startsWith("report:"), lines.get(4));
    }

    @Test
    void withoutAStreamOnlyTheReportIsNamed() {
        DemoReport report = new DemoReport();
        report.evaluation(new EvaluationReport.Result(Path.of("index.html"), Map.of(), Optional.empty(), Map.of(),
                List.of()));
        assertEquals(List.of("hark demo report", "report:        index.html (0 charts)"),
                report.render().lines().limit(2).toList());
    }
}
