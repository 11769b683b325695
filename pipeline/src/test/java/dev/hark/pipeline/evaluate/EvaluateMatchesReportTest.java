package dev.hark.pipeline.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.data.DataStage;
import dev.hark.pipeline.report.ReportStage;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Slow;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.report.EvaluationReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark evaluate} on a workspace's own test split gives exactly the figures {@code hark report} gives for the
 * same model: the test split's clips copied into a folder of their own, with the test portions of the background
 * recordings as its background recordings, evaluated with the report's stream length and seed.
 */
@Slow
class EvaluateMatchesReportTest {
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    @TempDir
    Path dir;

    @Test
    void evaluateOnTheTestSplitReproducesTheReportsFigures() throws Exception {
        List<String> speakers = new ArrayList<>(SmallData.speakers(Split.TRAIN, 2));
        speakers.addAll(SmallData.speakers(Split.TEST, 3));
        Path corpus = SmallData.folder(dir.resolve("corpus"), speakers, 2, 40, 5);
        BenchmarkData data = DataStage.load(corpus, SmallData.KEYWORD, true);
        FeatureSet test = data.features(Split.TEST, ProgressListener.NONE);
        CrnnWeights weights = SmallData.weights(5);
        QuantizedModel model = SmallData.model(weights, data.features(Split.TRAIN, ProgressListener.NONE));
        double hours = 0.05;
        long seed = 3;

        EvaluationReport.Result report = ReportStage.run("report", data, test, weights, model,
                List.of(dir.resolve("no-history.csv")), hours, seed, DetectorTiming.DEFAULT, dir.resolve("report"), QUIET);

        Path folder = dir.resolve("test-split");
        for (ClipFile clip : data.wordClips(Split.TEST)) {
            Path copy = folder.resolve(corpus.relativize(clip.source()));
            Files.createDirectories(copy.getParent());
            Files.copy(clip.source(), copy);
        }
        for (NoiseRecording r : NoisePartition.portions(data.backgroundNoise(), Split.TEST)) {
            Path copy = folder.resolve(corpus.relativize(r.source()));
            Files.createDirectories(copy.getParent());
            WavFile.write(copy, r.samples());
        }
        EvaluateStage.Evaluation evaluation = EvaluateStage.run(Path.of("model.hark"), model, Optional.of(weights),
                Optional.empty(), EvaluationData.read(folder, SmallData.KEYWORD),
                new EvaluateStage.Settings(hours, seed, QualityGate.NONE, 3), Optional.empty(), dir.resolve("out"),
                QUIET);

        assertEquals(test.size(), evaluation.clips().size());
        assertEquals(report.clipMetrics(), evaluation.report().clipMetrics());
        EvaluationReport.Streaming reported = report.streaming().orElseThrow();
        EvaluationReport.Streaming evaluated = evaluation.report().streaming().orElseThrow();
        assertEquals(List.of(reported.hours(), reported.keywords(), reported.atBudget()),
                List.of(evaluated.hours(), evaluated.keywords(), evaluated.atBudget()));
        assertTrue(reported.keywords() > 0, "the stream holds keywords");
        List<String> lines = EvaluationOutputs.text(evaluation);
        assertTrue(lines.containsAll(ReportStage.summary(report)), lines.toString());
        for (Path written : List.of(evaluation.csv(), evaluation.json(), evaluation.report().page())) {
            assertTrue(Files.size(written) > 0, written.toString());
        }
    }
}
