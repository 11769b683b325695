package dev.hark.pipeline.report;

import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoisePartition;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.FalseRejectAtFalseAlarmRate;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.report.EvaluationReport;
import dev.hark.trainer.report.TrainingHistoryCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The evaluation report: test-split metrics with intervals, false rejects at 1 false alarm per hour on a long
 * negative stream scored in streaming fashion, the nine-clip streaming check, training curves and model figures,
 * for the float network and the int8 one (the bit-exact simulator), as an HTML page with PNG charts.
 *
 * <p>The stream is built from test material only: the test split's negative clips and the test part of the
 * background recordings, so nothing in it was heard in training.
 */
public final class ReportStage {
    /** The false-alarm budget streaming figures are quoted at. */
    public static final double TARGET_FA_PER_HOUR = 1.0;

    private ReportStage() {
    }

    public static EvaluationReport.Result run(String title, BenchmarkData data, FeatureSet test, CrnnWeights weights,
                                              QuantizedModel model, Path historyFile, double streamHours, long seed,
                                              Path outDir, PrintStream log) throws IOException {
        List<short[]> negatives = new ArrayList<>();
        List<short[]> positives = new ArrayList<>();
        for (ClipFile clip : data.wordClips(Split.TEST)) {
            (clip.word().equals(data.keyword()) ? positives : negatives).add(clip.load().samples());
        }
        List<short[]> noise = new ArrayList<>();
        for (NoiseRecording recording : NoisePartition.portions(data.backgroundNoise(), Split.TEST)) {
            noise.add(recording.samples());
        }
        EvaluationReport report = new EvaluationReport(title);
        ModelScorers.of(weights, model).detectors().forEach(report::detector);
        report.testClips(test.items())
                .negativeStream(negatives, noise, streamHours * 3600, seed)
                .figures("CRNN float32 / int8", ModelFigures.of(weights.config(), model))
                .log(log);
        if (!positives.isEmpty() && negatives.size() >= 8) {
            report.nineClips(nineClips(positives, negatives, seed));
        }
        if (Files.exists(historyFile)) {
            report.history(TrainingHistoryCsv.read(historyFile));
        }
        EvaluationReport.Result result = report.write(outDir);
        log.println("[report] " + result.page());
        return result;
    }

    /** One line per detector: the figures a person compares first. */
    public static List<String> summary(EvaluationReport.Result result) {
        List<String> lines = new ArrayList<>();
        result.clipMetrics().forEach((name, m) -> {
            FalseRejectAtFalseAlarmRate fr = result.frAtFa().get(name);
            lines.add(String.format(Locale.ROOT, "%s: au_fa_fr %.5f [%.5f, %.5f], accuracy %.2f%% [%.2f, %.2f]%s", name,
                    m.auFaFr(), m.auFaFrInterval().low(), m.auFaFrInterval().high(), 100 * m.accuracy(),
                    100 * m.accuracyInterval().low(), 100 * m.accuracyInterval().high(), fr == null ? ""
                            : String.format(Locale.ROOT, ", false rejects at <= %.0f FA/h: %.1f%% [%.1f, %.1f] "
                                    + "(%d FA in %.2f h)", fr.targetFaPerHour(), 100 * fr.frRate(),
                                    100 * fr.frRateInterval().low(), 100 * fr.frRateInterval().high(),
                                    fr.falseAlarms(), fr.hours())));
        });
        return lines;
    }

    /** Eight negatives around one keyword clip in the middle: a correct streaming score peaks once, at 4 to 5 s. */
    static List<short[]> nineClips(List<short[]> positives, List<short[]> negatives, long seed) {
        Random random = new Random(seed);
        List<short[]> nine = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            List<short[]> pool = i == 4 ? positives : negatives;
            nine.add(pool.get(random.nextInt(pool.size())));
        }
        return nine;
    }
}
