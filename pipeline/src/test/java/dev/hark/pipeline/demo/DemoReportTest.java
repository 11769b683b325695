package dev.hark.pipeline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.bench.ListeningCost;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.soundstream.SoundStreamStage;
import dev.hark.testing.Fast;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.SoundStreamTable;
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
    void theSoundStreamLinesGiveEachNetworkAtEachBudgetWithIntervals() {
        List<SoundStreamTable.Row> rows = List.of(
                new SoundStreamTable.Row("int8", 0.5, new StreamOutcome(255, 300, 603, 0, 5.0003), List.of()),
                new SoundStreamTable.Row("int8", 1.0, new StreamOutcome(252, 551, 352, 5, 5.0003), List.of()));
        DemoReport report = new DemoReport();
        report.detector(new DetectorTiming(12, 0.5), true);
        report.soundStreams(new SoundStreamStage.Result(new SoundStreamTable("streams", rows), List.of("int8"),
                List.of(), new DetectorTiming(12, 0.5)), new SoundStreamSettings(Split.TEST, 5, 1, 1, 1000));

        List<String> lines = report.render().lines().toList();
        assertEquals("detector:      mean of 12 scores, 0.5 s refractory (chosen on dev-split streams)",
                lines.get(1));
        assertEquals("sound streams: 5.0 h of varied test-split streams (seed 1), 903 keywords; state carried, "
                + "MLPerf Tiny matching:", lines.get(2));
        assertEquals("               int8  at <= 0.5 FA/h: FRR 66.8% [63.6, 69.8], 0.00 FA/h [0.00, 0.74] "
                + "(0 false alarms, threshold 255)", lines.get(3));
        assertEquals("               int8  at <= 1   FA/h: FRR 39.0% [35.8, 42.2], 1.00 FA/h [0.32, 2.33] "
                + "(5 false alarms, threshold 252)", lines.get(4));
    }

    @Test
    void withoutAStreamOnlyTheReportIsNamed() {
        DemoReport report = new DemoReport();
        report.evaluation(new EvaluationReport.Result(Path.of("index.html"), Map.of(), Optional.empty(), Map.of(),
                List.of()));
        assertEquals(List.of("hark demo report", "report:        index.html (0 charts)"),
                report.render().lines().limit(2).toList());
    }

    @Test
    void theCostLinesGiveInstructionsPerSecondByStageTheShareOfTheCoreAndTheLeanBuild() {
        // 10 s of audio: 20M instructions in all, of which the front end 8M, network 10M, detection 0.5M.
        ListeningCost cost = new ListeningCost("model", 10, 8, 8, 8_000_000, 10_000_000, 500_000, 20_000_000,
                40_000_000, 100_000, 9_000, 900);
        DemoReport report = new DemoReport();
        report.cost("mps2-an386 under QEMU", cost);

        List<String> lines = report.render().lines().toList();
        assertEquals("listening cost: 2,000,000 instructions per second of audio (front end 800,000, network "
                + "1,000,000, detection 50,000, engine 150,000): at least 2.5% of an 80 MHz Cortex-M4; streaming "
                + "network 1/4.0 of re-scoring a clip every 8 frames", lines.get(1));
        assertEquals("               lean listening firmware: flash 100,000 bytes, RAM 9,000 bytes, peak stack 900 "
                + "bytes; measured on mps2-an386 under QEMU", lines.get(2));
    }

    @Test
    void theReportPageIsNamedRelativeToTheWorkingDirectoryWhenBelowIt() {
        DemoReport report = new DemoReport();
        Path page = Path.of("build", "demo", "report", "index.html");
        report.evaluation(new EvaluationReport.Result(page.toAbsolutePath(), Map.of(), Optional.empty(), Map.of(),
                List.of()));
        assertEquals("report:        " + page + " (0 charts)", report.render().lines().toList().get(1));
    }
}
