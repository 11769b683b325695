package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.sim.detect.Detection;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.trainer.eval.KeywordOccurrence;
import dev.hark.trainer.eval.Listening;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.EpochStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void writesAPageWhoseImagesExistAndDecode() throws Exception {
        List<EpochStats> history = new ArrayList<>();
        for (int e = 1; e <= 12; e++) {
            history.add(new EpochStats(e, 1.0 / e, 1.2 / e + 0.05, 0.9, 0.2 / e, 1.0));
        }
        List<StreamOutcome> curve = new ArrayList<>();
        for (int t = 1; t <= 255; t++) {
            curve.add(new StreamOutcome(t, 180 - t / 4, t / 4, (int) (2000 / t), 1.0));
        }
        Map<String, List<StreamOutcome>> curves = new LinkedHashMap<>();
        curves.put("float", curve);
        curves.put("int8", curve.subList(3, 255));
        int[] scores = new int[100];
        long[] stepEnds = new long[100];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = (int) Math.round(255 * Math.exp(-Math.pow((i - 60) / 4.0, 2)));
            stepEnds[i] = 19 + 8L * i;
        }
        Listening listening = new Listening(scores, stepEnds, StatePolicy.CARRIED,
                new DetectionSettings(1, 200, 12), List.of(new Detection(59, 240)));
        Map<String, NineClipCheck> checks = Map.of("float", new NineClipCheck(listening,
                new KeywordOccurrence(4 * 16000, 5 * 16000), 9, MatchingRule.MLPERF_TINY,
                new MatchingRule.Counts(1, 0, 0)));
        Scores clipScores = new Scores(new float[] {0.9f, 0.2f, 0.7f, 0.1f}, new boolean[] {true, false, true, false});

        HtmlReport report = new HtmlReport("Evaluation <demo> & co")
                .heading("Metrics")
                .table(ReportTables.clipMetrics("Test split", Map.of("float", ClipMetrics.of(clipScores))))
                .table(ReportTables.modelFigures("Model", Map.of("teacher", ModelFigures.of(CrnnConfig.defaults()))))
                .table("Distillation", List.of("student", "params"), List.of(List.of("s1", "3,117")))
                .chart("training-loss.png", ReportCharts.trainingLoss(history), "Loss per epoch")
                .chart("training-au-fa-fr.png", ReportCharts.trainingAuFaFr(history), "Dev au_fa_fr per epoch")
                .chart("fa-fr-curve.png", ReportCharts.faMissCurve(curves, 1.0), "FA/h vs misses")
                .chart("streaming-nine-clips.png", ReportCharts.streamingScores(checks), "Nine clips");
        Path page = report.write(dir);

        assertEquals(dir.resolve("index.html"), page);
        String html = Files.readString(page);
        assertTrue(html.contains("Evaluation &lt;demo&gt; &amp; co"));
        assertTrue(html.contains("<td>3,117</td>"));
        ModelFigures teacher = ModelFigures.of(CrnnConfig.defaults());
        assertTrue(html.contains("<th>MACs per 1-second clip</th><th>MACs per second of streaming audio</th>"), html);
        assertTrue(html.contains(String.format(Locale.ROOT, "<td>%,d</td><td>%,d</td>", teacher.clipMacs(),
                teacher.streamingMacsPerSecond())), html);
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            images++;
            Path png = dir.resolve(m.group(1));
            assertEquals(dir, png.getParent(), "images sit next to the page");
            assertTrue(Files.exists(png), "missing " + png);
            PngChecks.assertDecodesAndIsNotBlank(png, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        assertEquals(4, images);
        assertEquals(report.imageFiles().size(), images);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void rejectsPathsAndDuplicateNames() {
        LineChart chart = LineChart.builder("c").series("s", new double[] {0, 1}, new double[] {0, 1}).build();
        HtmlReport report = new HtmlReport("r");
        assertThrows(IllegalArgumentException.class, () -> report.chart("../x.png", chart, "c"));
        assertThrows(IllegalArgumentException.class, () -> report.chart("x.jpg", chart, "c"));
        report.chart("x.png", chart, "c");
        assertThrows(IllegalArgumentException.class, () -> report.chart("x.png", chart, "c"));
        assertThrows(IllegalArgumentException.class,
                () -> report.table("t", List.of("a", "b"), List.of(List.of("only one"))));
    }
}
