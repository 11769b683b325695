package dev.hark.pipeline.report;

import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.report.EvaluationReport;
import dev.hark.trainer.report.TrainingHistoryCsv;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The evaluation report: test-split metrics with intervals; the float network and the int8 one (the bit-exact
 * simulator) listening through their streaming engines to a long test stream with keywords at known places (hits,
 * misses and false alarms at 1 false alarm per hour); the nine-clip streaming check; training curves and model
 * figures, as an HTML page with PNG charts.
 *
 * <p>The streams are built from test material only ({@link StreamMaterial}), so nothing in them was heard in
 * training.
 */
public final class ReportStage {
    private ReportStage() {
    }

    /**
     * @param historyFiles the training histories of the float model, in the order it was trained (a training, then
     *                     each round that went on from it); those that do not exist are left out
     * @param detector     the detector's smoothing and refractory period: the workspace's ({@code DetectorFile}), so
     *                     the report listens as the sound stream measurement and the firmware do
     */
    public static EvaluationReport.Result run(String title, BenchmarkData data, FeatureSet test, CrnnWeights weights,
                                              QuantizedModel model, List<Path> historyFiles, double streamHours, long seed,
                                              DetectorTiming detector, Path outDir, PrintStream log)
            throws IOException {
        StreamMaterial material = StreamMaterial.testSplit(data);
        EvaluationReport report = new EvaluationReport(title);
        ModelScorers.of(weights, model).detectors(ModelListeners.of(weights, model)).forEach(report::detector);
        report.testClips(test.items())
                .testStream(material.keywordClips(), material.negativeClips(), material.noise(), streamHours * 3600,
                        seed)
                .figures("CRNN float32 / int8", ModelFigures.of(weights.config(), model))
                .listening(StatePolicy.DEFAULT, detector)
                .log(log);
        if (!material.keywordClips().isEmpty() && material.negativeClips().size() >= 8) {
            report.nineClips(nineClips(material.keywordClips(), material.negativeClips(), seed));
        }
        report.history(TrainingHistoryCsv.readConsecutive(historyFiles));
        EvaluationReport.Result result = report.write(outDir);
        log.println("[report] " + result.page());
        return result;
    }

    /** One line per detector: the figures a person compares first. */
    public static List<String> summary(EvaluationReport.Result result) {
        List<String> lines = new ArrayList<>();
        result.clipMetrics().forEach((name, m) -> lines.add(String.format(Locale.ROOT,
                "%s: au_fa_fr %.5f [%.5f, %.5f], accuracy %.2f%% [%.2f, %.2f]%s", name, m.auFaFr(),
                m.auFaFrInterval().low(), m.auFaFrInterval().high(), 100 * m.accuracy(),
                100 * m.accuracyInterval().low(), 100 * m.accuracyInterval().high(),
                result.streaming().map(s -> String.format(Locale.ROOT, "; test stream at <= %.0f FA/h: %s",
                        s.faBudget(), streaming(s, name))).orElse(""))));
        return lines;
    }

    /**
     * A detector's operating point on the test stream in a few words: hits, misses and false alarms at the
     * false-alarm budget, the false-reject (miss) rate and false alarms per hour with their 95% intervals, the
     * threshold.
     */
    public static String streaming(EvaluationReport.Streaming s, String detector) {
        StreamOutcome o = s.atBudget().get(detector);
        return String.format(Locale.ROOT, "%s, %s, %s: FRR %.1f%% [%.1f, %.1f], %.2f FA/h [%.2f, %.2f] (%s)",
                count(o.hits(), "hit", "hits"), count(o.misses(), "miss", "misses"),
                count(o.falseAlarms(), "false alarm", "false alarms"), 100 * o.missRate(),
                100 * o.missRateInterval().low(), 100 * o.missRateInterval().high(), o.faPerHour(),
                o.faPerHourInterval().low(), o.faPerHourInterval().high(),
                o.fires() ? "threshold " + o.threshold() : "no threshold meets the budget");
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
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
