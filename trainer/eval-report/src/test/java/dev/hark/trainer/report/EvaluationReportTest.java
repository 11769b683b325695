package dev.hark.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.program.KeywordScore;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.StandInModel;
import dev.hark.trainer.eval.WindowScorer;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.EpochStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class EvaluationReportTest {
    @TempDir
    Path dir;

    /** A stand-in detector: the louder the window, the more "keyword". */
    private static final WindowScorer LOUDNESS = w -> {
        double sum = 0;
        for (byte b : w) {
            sum += b + 128;
        }
        return (float) Math.min(1, sum / w.length / 160);
    };

    /** The same detector listening: every 8 frames, the loudness of the last 20 frames as a score. */
    private static final class LoudnessListener extends StandInModel {
        private final byte[] window = new byte[20 * 40];

        LoudnessListener() {
            super(40, 20, 8);
        }

        @Override
        protected void take(byte[] frame) {
            System.arraycopy(window, 40, window, 0, window.length - 40);
            System.arraycopy(frame, 0, window, window.length - 40, 40);
        }

        @Override
        protected int step() {
            double p = LOUDNESS.score(window);
            return KeywordScore.ofLogOdds(Math.log(p / (1 - p)));
        }
    }

    private static short[] noise(Random random, int n, double level) {
        short[] s = new short[n];
        for (int i = 0; i < n; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, random.nextGaussian() * level));
        }
        return s;
    }

    @Test
    void evaluatesAndWritesEverySection() throws Exception {
        Random random = new Random(2);
        List<LabelledFeatures> test = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] f = new byte[101 * 40];
            int level = i < 10 ? 60 : 10;
            for (int k = 0; k < f.length; k++) {
                f[k] = (byte) (-128 + level + random.nextInt(60));
            }
            test.add(new LabelledFeatures("clip" + i, i < 10 ? "kw" : "other", "s" + i, i < 10 ? 1 : 0, f));
        }
        List<short[]> quiet = List.of(noise(random, 16000, 30), noise(random, 16000, 60));
        List<short[]> loud = List.of(noise(random, 16000, 8000), noise(random, 12000, 6000));
        List<short[]> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(noise(random, 16000, i == 4 ? 8000 : 40));
        }
        List<EpochStats> history = List.of(new EpochStats(1, 0.5, 0.6, 0.8, 0.1, 1),
                new EpochStats(2, 0.3, 0.4, 0.9, 0.05, 1), new EpochStats(3, 0.2, 0.45, 0.9, 0.06, 1));

        EvaluationReport.Result r = new EvaluationReport("test report")
                .detector(new Detector("loudness", LOUDNESS, LoudnessListener::new))
                .testClips(test)
                .testStream(loud, quiet, List.of(noise(random, 16000 * 5, 500)), 300, 1)
                .nineClips(nine)
                .history(history)
                .figures("default", ModelFigures.of(CrnnConfig.defaults()))
                .table(new HtmlReport.Table("distillation", List.of("student", "MACs"), List.of(List.of("s", "1"))))
                .write(dir);

        assertEquals(0, r.clipMetrics().get("loudness").auFaFr(), 0);
        EvaluationReport.Streaming streaming = r.streaming().orElseThrow();
        assertTrue(streaming.hours() >= 300 / 3600.0);
        assertTrue(streaming.keywords() >= 300 / (KeywordStreamBuilder.MAX_KEYWORD_GAP_SECONDS + 4));
        // Loudness tells keywords from the rest here: every keyword is heard, nothing else fires.
        StreamOutcome atBudget = streaming.atBudget().get("loudness");
        assertEquals(List.of(streaming.keywords(), 0, 0), List.of(atBudget.hits(), atBudget.misses(),
                atBudget.falseAlarms()));
        NineClipCheck nineClips = r.nineClips().get("loudness");
        assertTrue(nineClips.peakInKeywordWindow());
        assertEquals(new MatchingRule.Counts(1, 0, 0), nineClips.counts());
        assertEquals(List.of("fa-miss-curve.png", "stream-stretch.png", "streaming-nine-clips.png",
                "training-loss.png", "training-au-fa-fr.png"), r.images());
        for (String image : r.images()) {
            assertTrue(Files.size(dir.resolve(image)) > 1000, image);
        }
        String html = Files.readString(r.page());
        assertTrue(html.contains("distillation") && html.contains("Listening to a test stream"));
    }

    @Test
    void takesGivenClipScoresAFalseAlarmBudgetAndExtraCharts() throws Exception {
        Random random = new Random(3);
        List<LabelledFeatures> clips = new ArrayList<>();
        float[] given = new float[8];
        boolean[] keyword = new boolean[8];
        for (int i = 0; i < 8; i++) {
            clips.add(new LabelledFeatures("clip" + i, i < 4 ? "kw" : "other", "s", i < 4 ? 1 : 0,
                    new byte[101 * 40]));
            keyword[i] = i < 4;
            given[i] = i == 0 ? 0.1f : keyword[i] ? 0.9f : 0.2f; // one false reject the silent clips cannot give
        }
        Scores scores = new Scores(given, keyword);
        LineChart det = ReportCharts.detCurve(java.util.Map.of("loudness", scores));

        EvaluationReport.Result r = new EvaluationReport("given scores")
                .detector(new Detector("loudness", LOUDNESS, LoudnessListener::new))
                .clips("clips of my folder", clips)
                .clipScores("loudness", scores)
                .falseAlarmBudget(2)
                .testStream(List.of(noise(random, 16000, 8000)), List.of(noise(random, 16000, 40)), List.of(),
                        120, 1)
                .chart("det.png", det, "DET")
                .write(dir);

        assertEquals(1, r.clipMetrics().get("loudness").falseRejects());
        assertEquals(2, r.streaming().orElseThrow().faBudget());
        assertEquals(List.of("fa-miss-curve.png", "stream-stretch.png", "det.png"), r.images());
        String html = Files.readString(r.page());
        assertTrue(html.contains("Clip-level metrics on the clips of my folder"), html);
    }
}
