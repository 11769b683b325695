package dev.hark.trainer.report;

import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.FaFrCurve;
import dev.hark.trainer.eval.FalseAlarmCounter;
import dev.hark.trainer.eval.FalseRejectAtFalseAlarmRate;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StreamScores;
import dev.hark.trainer.eval.StreamingScorer;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.train.EpochStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Evaluates one or more detectors (typically the float network and its int8 twin) and writes the HTML report:
 * clip metrics on the test split, false rejects at a false-alarm budget on a long negative stream, the FA/FR
 * curve, the nine-clip streaming check, model figures, training curves and any extra tables.
 *
 * <p>Configure with the setters (only detectors and test clips are required), then {@link #write(Path)}.
 * Sections whose inputs are missing (no history, no stream audio, no nine clips) are left out.
 */
public final class EvaluationReport {
    /** Everything measured, for the caller's own summary. */
    public record Result(Path page, Map<String, ClipMetrics> clipMetrics,
                         Map<String, FalseRejectAtFalseAlarmRate> frAtFa, Map<String, Double> streamScoringSeconds,
                         Map<String, Double> streamScoringCpuSeconds, double streamHours, Map<String, NineClipCheck> nineClips, List<String> images) {
    }

    /** The false-alarm budget the false-reject rate is quoted at. */
    private static final double TARGET_FA_PER_HOUR = 1.0;

    private final String title;
    private final List<Detector> detectors = new ArrayList<>();
    private List<LabelledFeatures> testClips = List.of();
    private List<short[]> streamClips = List.of();
    private List<short[]> streamNoise = List.of();
    private List<short[]> nineClips = List.of();
    private List<EpochStats> history = List.of();
    private final Map<String, ModelFigures> figures = new LinkedHashMap<>();
    private final List<HtmlReport.Table> extraTables = new ArrayList<>();
    private double streamSeconds = KeywordStreamBuilder.ONE_HOUR_SECONDS;
    private long streamSeed = 1;
    private PrintStream log = new PrintStream(PrintStream.nullOutputStream());

    public EvaluationReport(String title) {
        this.title = title;
    }

    public EvaluationReport detector(Detector detector) {
        detectors.add(detector);
        return this;
    }

    /** The test split's clips (features and labels). */
    public EvaluationReport testClips(List<LabelledFeatures> clips) {
        testClips = List.copyOf(clips);
        return this;
    }

    /**
     * Audio for the long negative stream: non-keyword clips and background noise, put together as
     * {@link KeywordStreamBuilder#build} does without keywords with {@code seed}.
     */
    public EvaluationReport negativeStream(List<short[]> clips, List<short[]> noise, double seconds, long seed) {
        streamClips = List.copyOf(clips);
        streamNoise = List.copyOf(noise);
        streamSeconds = seconds;
        streamSeed = seed;
        return this;
    }

    /** Nine clips for the streaming check, the fifth holding the keyword. */
    public EvaluationReport nineClips(List<short[]> clips) {
        nineClips = List.copyOf(clips);
        return this;
    }

    public EvaluationReport history(List<EpochStats> epochs) {
        history = List.copyOf(epochs);
        return this;
    }

    public EvaluationReport figures(String model, ModelFigures f) {
        figures.put(model, f);
        return this;
    }

    /** Any further table, e.g. the distillation table, shown after the standard ones. */
    public EvaluationReport table(HtmlReport.Table table) {
        extraTables.add(table);
        return this;
    }

    /** Progress lines go here (default: nowhere). */
    public EvaluationReport log(PrintStream out) {
        log = out;
        return this;
    }

    /**
     * Runs every evaluation and writes {@code dir/index.html} with its PNGs.
     *
     * @throws IllegalStateException if there is no detector or no test clip of either class
     */
    public Result write(Path dir) throws IOException {
        if (detectors.isEmpty() || testClips.isEmpty()) {
            throw new IllegalStateException("evaluation report: needs at least one detector and test clips");
        }
        HtmlReport page = new HtmlReport(title);

        Map<String, ClipMetrics> clip = new LinkedHashMap<>();
        Map<String, float[]> positiveScores = new LinkedHashMap<>();
        for (Detector d : detectors) {
            Scores s = scoreClips(d);
            clip.put(d.name(), ClipMetrics.of(s));
            positiveScores.put(d.name(), s.positiveScores());
        }
        page.heading("Test split");
        page.table(ReportTables.clipMetrics("Clip-level metrics on the test split, 95% intervals from the Beta "
                + "posterior (au_fa_fr: effective sample size, see docs/metrics.md)", clip));

        Map<String, FalseRejectAtFalseAlarmRate> frAtFa = new LinkedHashMap<>();
        Map<String, Double> scoringSeconds = new LinkedHashMap<>();
        Map<String, Double> scoringCpu = new LinkedHashMap<>();
        double hours = 0;
        if (!streamClips.isEmpty() || !streamNoise.isEmpty()) {
            KeywordStream stream = KeywordStreamBuilder.build(List.of(), streamClips, streamNoise, streamSeconds,
                    streamSeed);
            hours = stream.hours();
            log.printf(Locale.ROOT, "negative stream: %.2f h from %d clip pieces and %d noise excerpts%n", hours,
                    stream.negativePieces(), stream.noisePieces());
            long t0 = System.nanoTime();
            byte[] features = StreamingScorer.features(stream.samples());
            double featureSeconds = (System.nanoTime() - t0) / 1e9;
            Map<String, FaFrCurve> curves = new LinkedHashMap<>();
            for (Detector d : detectors) {
                long t = System.nanoTime();
                double cpu0 = processCpuSeconds();
                StreamScores scores = StreamingScorer.score(features, stream.seconds(), d.scorer(),
                        StreamingScorer.DEFAULT_HOP_FRAMES);
                double sec = (System.nanoTime() - t) / 1e9;
                double cpu = processCpuSeconds() - cpu0;
                scoringSeconds.put(d.name(), sec);
                scoringCpu.put(d.name(), cpu);
                log.printf(Locale.ROOT, "%s: scored %d windows in %.1f s (%.1f CPU-s on %d cores)%n", d.name(),
                        scores.windows(), sec, cpu, Runtime.getRuntime().availableProcessors());
                frAtFa.put(d.name(), FalseRejectAtFalseAlarmRate.of(positiveScores.get(d.name()), scores, hours,
                        TARGET_FA_PER_HOUR, FalseAlarmCounter.DEFAULT_REFRACTORY_SECONDS));
                curves.put(d.name(), FaFrCurve.of(positiveScores.get(d.name()), scores,
                        FalseAlarmCounter.DEFAULT_REFRACTORY_SECONDS, 400));
            }
            page.heading("False rejects at a fixed false-alarm rate");
            page.paragraph(String.format(Locale.ROOT, "Negative stream: %.2f hours (%d non-keyword clips and %d "
                    + "background-noise excerpts, seed %d), scored every %d ms with a 1-second window; a false alarm "
                    + "is a window at or above the threshold outside a 1 s refractory period. Front end: %.1f s; "
                    + "scoring (wall / CPU on %d cores): %s.", hours, stream.negativePieces(), stream.noisePieces(),
                    streamSeed, StreamingScorer.DEFAULT_HOP_FRAMES * 10, featureSeconds,
                    Runtime.getRuntime().availableProcessors(), timings(scoringSeconds, scoringCpu)));
            page.table(ReportTables.frAtFa("False-reject rate of test keyword clips at <= " + TARGET_FA_PER_HOUR
                    + " false alarm(s) per hour", frAtFa));
            page.chart("fa-fr-curve.png", ReportCharts.faFrCurve(curves, TARGET_FA_PER_HOUR),
                    "False alarms per hour on the negative stream against the false-reject rate of the test keyword "
                            + "clips, as the threshold sweeps; lower left is better.");
        }

        Map<String, NineClipCheck> nine = new LinkedHashMap<>();
        if (!nineClips.isEmpty()) {
            for (Detector d : detectors) {
                nine.put(d.name(), NineClipCheck.run(nineClips, d.scorer(), 2));
            }
            page.heading("Streaming check");
            StringBuilder text = new StringBuilder("Nine test clips glued together, only the middle one holds the "
                    + "keyword, scored every 20 ms.");
            for (Map.Entry<String, NineClipCheck> e : nine.entrySet()) {
                NineClipCheck c = e.getValue();
                text.append(String.format(Locale.ROOT, " %s: peak %.3f at %.2f s (%s the keyword clip), %d alarm(s) "
                                + "at 0.5.", e.getKey(), c.scores().scores()[c.peakIndex()],
                        c.scores().centreSecond(c.peakIndex()), c.peakOverKeyword() ? "over" : "NOT over",
                        c.alarms(0.5f)));
            }
            page.paragraph(text.toString());
            page.chart("streaming-nine-clips.png", ReportCharts.streamingScore(nine),
                    "Keyword probability over time; the shaded second is the keyword clip.");
        }

        if (!figures.isEmpty()) {
            page.heading("Model");
            page.table(ReportTables.modelFigures("Model figures (MACs and bytes as defined in docs/metrics.md)",
                    figures));
        }
        for (HtmlReport.Table t : extraTables) {
            page.table(t);
        }
        if (!history.isEmpty()) {
            page.heading("Training");
            page.chart("training-loss.png", ReportCharts.trainingLoss(history), "Training and dev loss per epoch.");
            page.chart("training-au-fa-fr.png", ReportCharts.trainingAuFaFr(history), "Dev au_fa_fr per epoch.");
        }
        Path written = page.write(dir);
        return new Result(written, clip, frAtFa, scoringSeconds, scoringCpu, hours, nine, page.imageFiles());
    }

    private Scores scoreClips(Detector d) {
        float[] s = new float[testClips.size()];
        boolean[] k = new boolean[s.length];
        IntStream.range(0, s.length).parallel().forEach(i -> s[i] = d.scorer().score(testClips.get(i).features()));
        for (int i = 0; i < k.length; i++) {
            k[i] = testClips.get(i).label() == 1;
        }
        return new Scores(s, k);
    }

    private static String timings(Map<String, Double> wall, Map<String, Double> cpu) {
        List<String> parts = new ArrayList<>();
        wall.forEach((name, s) -> parts.add(String.format(Locale.ROOT, "%s %.1f s / %.1f s", name, s,
                cpu.get(name))));
        return String.join(", ", parts);
    }

    /** CPU time of the whole process (all threads), or NaN where the JVM does not tell. */
    private static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
