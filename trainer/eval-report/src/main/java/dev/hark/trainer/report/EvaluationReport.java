package dev.hark.trainer.report;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.program.KeywordScore;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.ModelFigures;
import dev.hark.trainer.eval.NineClipCheck;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamExcerpt;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.train.EpochStats;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Evaluates one or more detectors (typically the float network and its int8 twin) and writes the HTML report:
 * clip metrics on the test split; on a long test stream with keywords at known places, each network listening
 * through its streaming engine with the integer detector, hits, misses and false alarms at a false-alarm budget and
 * the curve as the threshold sweeps; the nine-clip streaming check; model figures, training curves and any extra
 * tables.
 *
 * <p>Configure with the setters (only detectors and test clips are required), then {@link #write(Path)}.
 * Sections whose inputs are missing (no history, no stream audio, no nine clips) are left out.
 */
public final class EvaluationReport {
    /** Everything measured, for the caller's own summary. */
    public record Result(Path page, Map<String, ClipMetrics> clipMetrics, Optional<Streaming> streaming,
                         Map<String, NineClipCheck> nineClips, List<String> images) {
    }

    /**
     * The test stream's figures.
     *
     * @param hours           the stream's length
     * @param keywords        keywords in it
     * @param policy          the networks' state policy
     * @param timing          the detector's smoothing and refractory period
     * @param faBudget        false alarms per hour the operating points meet
     * @param atBudget        each detector's operating point
     * @param listenSeconds   wall time of each detector's evaluation (they run side by side)
     * @param featureSeconds  wall time of the stream's front end
     */
    public record Streaming(double hours, int keywords, StatePolicy policy, DetectorTiming timing, double faBudget,
                            Map<String, StreamOutcome> atBudget, Map<String, Double> listenSeconds,
                            double featureSeconds) {
    }

    /** The false-alarm budget the operating points are quoted at. */
    public static final double TARGET_FA_PER_HOUR = 1.0;
    /** The length of the stream stretch the report draws. */
    static final double EXCERPT_SECONDS = 60;
    /** Why no firmware curve is drawn beside int8's. */
    static final String FIRMWARE_NOTE = "The firmware runs the int8 network and detector bit-exactly (hark verify "
            + "compares every frame, step and detection of the listening firmware with the int8 simulator's), so its "
            + "curve is int8's; no separate firmware curve is measured.";
    /** The nine-clip check's threshold when there is no stream to choose one on: even odds. */
    private static final int FALLBACK_THRESHOLD = KeywordScore.EVEN;

    private final String title;
    private final List<Detector> detectors = new ArrayList<>();
    private List<LabelledFeatures> testClips = List.of();
    private List<short[]> streamKeywords = List.of();
    private List<short[]> streamNegatives = List.of();
    private List<short[]> streamNoise = List.of();
    private List<short[]> nineClips = List.of();
    private List<EpochStats> history = List.of();
    private final Map<String, ModelFigures> figures = new LinkedHashMap<>();
    private final Map<String, Scores> clipScores = new LinkedHashMap<>();
    private final List<Consumer<HtmlReport>> extras = new ArrayList<>();
    private String clipSet = "test split";
    private double faBudget = TARGET_FA_PER_HOUR;
    private double streamSeconds = KeywordStreamBuilder.ONE_HOUR_SECONDS;
    private long streamSeed = 1;
    private StatePolicy policy = StatePolicy.DEFAULT;
    private DetectorTiming timing = DetectorTiming.DEFAULT;
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
     * Clips other than a workspace's test split: {@code name} says what they are in the page's headings and
     * captions (e.g. "clips of data/mine").
     */
    public EvaluationReport clips(String name, List<LabelledFeatures> clips) {
        clipSet = name;
        return testClips(clips);
    }

    /**
     * A detector's scores of the clips, already computed with its clip scorer in clip order: the report uses them
     * instead of scoring again. A detector without is scored here.
     */
    public EvaluationReport clipScores(String detector, Scores scores) {
        clipScores.put(detector, scores);
        return this;
    }

    /** The false alarms per hour the stream's operating points meet (default {@value #TARGET_FA_PER_HOUR}). */
    public EvaluationReport falseAlarmBudget(double faPerHour) {
        if (!(faPerHour >= 0)) {
            throw new IllegalArgumentException("evaluation report: a false-alarm budget is at least 0, got "
                    + faPerHour);
        }
        faBudget = faPerHour;
        return this;
    }

    /**
     * Audio for the test stream: keyword clips, other clips and background noise, put together as
     * {@link KeywordStreamBuilder#build} does with {@code seed}.
     */
    public EvaluationReport testStream(List<short[]> keywordClips, List<short[]> negativeClips, List<short[]> noise,
                                       double seconds, long seed) {
        streamKeywords = List.copyOf(keywordClips);
        streamNegatives = List.copyOf(negativeClips);
        streamNoise = List.copyOf(noise);
        streamSeconds = seconds;
        streamSeed = seed;
        return this;
    }

    /** How the listening networks' state is treated and how the detector smooths (defaults: the DEFAULTs). */
    public EvaluationReport listening(StatePolicy statePolicy, DetectorTiming detectorTiming) {
        policy = statePolicy;
        timing = detectorTiming;
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
        extras.add(page -> page.table(table));
        return this;
    }

    /** Any further chart, shown after the standard ones in the order added with {@link #table}. */
    public EvaluationReport chart(String fileName, LineChart chart, String caption) {
        extras.add(page -> page.chart(fileName, chart, caption));
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
     * @throws IllegalStateException if there is no detector or no test clip
     */
    public Result write(Path dir) throws IOException {
        if (detectors.isEmpty() || testClips.isEmpty()) {
            throw new IllegalStateException("evaluation report: needs at least one detector and test clips");
        }
        HtmlReport page = new HtmlReport(title);

        Map<String, ClipMetrics> clip = new LinkedHashMap<>();
        for (Detector d : detectors) {
            Scores given = clipScores.get(d.name());
            if (given != null && given.size() != testClips.size()) {
                throw new IllegalStateException("evaluation report: " + given.size() + " scores of " + d.name()
                        + " for " + testClips.size() + " clips");
            }
            clip.put(d.name(), ClipMetrics.of(given != null ? given : scoreClips(d)));
        }
        page.heading(Character.toUpperCase(clipSet.charAt(0)) + clipSet.substring(1));
        page.table(ReportTables.clipMetrics("Clip-level metrics on the " + clipSet + ", 95% intervals from the Beta "
                + "score (au_fa_fr: effective sample size, see docs/metrics.md)", clip));

        Optional<Streaming> streaming = Optional.empty();
        if (!streamNegatives.isEmpty() || !streamNoise.isEmpty()) {
            streaming = Optional.of(streamSection(page));
        }

        Map<String, NineClipCheck> nine = new LinkedHashMap<>();
        if (!nineClips.isEmpty()) {
            for (Detector d : detectors) {
                StreamingModel model = d.listener().get();
                int threshold = streaming.map(s -> s.atBudget().get(d.name())).filter(StreamOutcome::fires)
                        .map(StreamOutcome::threshold).orElse(FALLBACK_THRESHOLD);
                nine.put(d.name(), NineClipCheck.run(nineClips, model, policy,
                        timing.settings(model.hopFrames(), threshold), MatchingRule.MLPERF_TINY));
            }
            page.heading("Streaming check");
            StringBuilder text = new StringBuilder("Nine test clips glued together, only the middle one holds the "
                    + "keyword, listened to as on the test stream, each network at its threshold for "
                    + faBudget + " false alarm per hour" + (streaming.isEmpty() ? " (no stream: "
                    + FALLBACK_THRESHOLD + ")" : "") + ".");
            for (Map.Entry<String, NineClipCheck> e : nine.entrySet()) {
                NineClipCheck c = e.getValue();
                text.append(String.format(Locale.ROOT, " %s: peak log-odds %.2f at %.2f s (%s the keyword's "
                                + "window), %d hit(s), %d false alarm(s).", e.getKey(),
                        KeywordScore.logOdds(c.listening().scores()[c.peakStep()]),
                        c.listening().stepSecond(c.peakStep()), c.peakInKeywordWindow() ? "in" : "NOT in",
                        c.counts().hits(), c.counts().falseAlarms()));
            }
            page.paragraph(text.toString());
            page.chart("streaming-nine-clips.png", ReportCharts.streamingScores(nine),
                    "Keyword score of each step over time, detections marked; the shaded second is the keyword "
                            + "clip. A detection counts as a hit from the clip's start to 1 s after its end.");
        }

        if (!figures.isEmpty()) {
            page.heading("Model");
            page.table(ReportTables.modelFigures("Model figures (MACs and bytes as defined in docs/metrics.md)",
                    figures));
        }
        extras.forEach(extra -> extra.accept(page));
        if (!history.isEmpty()) {
            page.heading("Training");
            page.chart("training-loss.png", ReportCharts.trainingLoss(history), "Training and dev loss per epoch.");
            page.chart("training-au-fa-fr.png", ReportCharts.trainingAuFaFr(history), "Dev au_fa_fr per epoch.");
        }
        Path written = page.write(dir);
        return new Result(written, clip, streaming, nine, page.imageFiles());
    }

    /** The test stream: every detector listens (side by side), its operating point and its curve. */
    private Streaming streamSection(HtmlReport page) {
        KeywordStream stream = KeywordStreamBuilder.build(streamKeywords, streamNegatives, streamNoise,
                streamSeconds, streamSeed);
        log.printf(Locale.ROOT, "test stream: %.2f h, %d keywords, %d other clips, %d noise excerpts%n",
                stream.hours(), stream.keywords().size(), stream.negativePieces(), stream.noisePieces());
        long t0 = System.nanoTime();
        byte[] features = StreamFeatures.of(stream.samples());
        double featureSeconds = (System.nanoTime() - t0) / 1e9;
        record Evaluated(StreamOutcome atBudget, List<StreamOutcome> curve, Optional<StreamExcerpt> excerpt,
                         double seconds) {
        }
        List<Evaluated> evaluated = detectors.parallelStream().map(d -> {
            long start = System.nanoTime();
            StreamingModel model = d.listener().get();
            StreamEvaluation e = new StreamEvaluation(model, features, stream.keywords(), stream.hours(), policy,
                    timing.settings(model.hopFrames(), 1), MatchingRule.MLPERF_TINY);
            StreamOutcome atBudget = e.atFalseAlarmBudget(faBudget);
            List<StreamOutcome> curve = e.curve(curveThresholds(e));
            Optional<StreamExcerpt> excerpt = atBudget.fires() ? Optional.of(StreamExcerpt.of(
                    e.listening(atBudget.threshold()), stream.keywords(), MatchingRule.MLPERF_TINY,
                    EXCERPT_SECONDS)) : Optional.empty();
            double seconds = (System.nanoTime() - start) / 1e9;
            synchronized (log) {
                log.printf(Locale.ROOT, "%s: listened to the stream in %.1f s: threshold %s, %d hits, %d misses, "
                                + "%d false %s%n", d.name(), seconds,
                        atBudget.fires() ? Integer.toString(atBudget.threshold()) : "none", atBudget.hits(),
                        atBudget.misses(), atBudget.falseAlarms(), atBudget.falseAlarms() == 1 ? "alarm" : "alarms");
            }
            return new Evaluated(atBudget, curve, excerpt, seconds);
        }).toList();
        Map<String, StreamOutcome> atBudget = new LinkedHashMap<>();
        Map<String, List<StreamOutcome>> curves = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < detectors.size(); i++) {
            atBudget.put(detectors.get(i).name(), evaluated.get(i).atBudget());
            curves.put(detectors.get(i).name(), evaluated.get(i).curve());
            seconds.put(detectors.get(i).name(), evaluated.get(i).seconds());
        }
        int hopFrames = detectors.get(0).listener().get().hopFrames();
        DetectionSettings example = timing.settings(hopFrames, 1);
        page.heading("Listening to a test stream");
        page.paragraph(String.format(Locale.ROOT, "Test stream: %.2f hours of audio of the %s (%d keyword clips "
                        + "at known places among %d other clips and %d background-noise excerpts, seed %d). Each "
                        + "network listens through its streaming engine, one step per %d ms, state %s; the integer "
                        + "detector fires when the mean of the last %d keyword scores reaches the threshold, "
                        + "then is silent for %d steps. Matching as MLPerf Tiny's streaming wake-word runner: a "
                        + "detection from a keyword's start to %s s after its end is a hit (one per keyword), any "
                        + "other is a false alarm, debounced over %s s. Front end: %.1f s; listening (wall, side by "
                        + "side): %s.", stream.hours(), clipSet, stream.keywords().size(), stream.negativePieces(),
                stream.noisePieces(), streamSeed, 10 * hopFrames,
                policy.describe(), example.smoothingSteps(), example.refractorySteps(),
                MatchingRule.MLPERF_TINY.toleranceSeconds(), MatchingRule.MLPERF_TINY.debounceSeconds(),
                featureSeconds, timings(seconds)));
        page.table(ReportTables.streaming("Each network at the lowest threshold with <= " + faBudget
                + " false alarm(s) per hour; 95% intervals: miss rate Clopper-Pearson, false alarms per hour "
                + "Poisson", atBudget));
        page.chart("fa-miss-curve.png", ReportCharts.faMissCurve(curves, faBudget),
                "False alarms per hour against keywords missed on the test stream as the detection threshold "
                        + "sweeps; lower left is better. " + FIRMWARE_NOTE);
        int shown = excerptNetwork();
        evaluated.get(shown).excerpt().ifPresent(x -> page.chart("stream-stretch.png",
                ReportCharts.streamExcerpt(detectors.get(shown).name(), x), String.format(Locale.ROOT,
                        "%.0f s of the test stream (from %.1f s) as %s's detector heard it at its threshold for "
                                + "<= %s false alarm(s) per hour: the smoothed score, the threshold, the keywords "
                                + "shaded, hits, counted false alarms and misses (at the keyword's end, at the "
                                + "highest smoothed score in its window) marked. The stretch is the one that shows "
                                + "the most kinds of event. %s", x.toSecond() - x.fromSecond(), x.fromSecond(),
                        detectors.get(shown).name(), PlainNumber.of(faBudget), FIRMWARE_NOTE)));
        return new Streaming(stream.hours(), stream.keywords().size(), policy, timing, faBudget, atBudget,
                seconds, featureSeconds);
    }

    /**
     * The thresholds of the FA/miss curve: all of them when the scores are listened to once; when every
     * threshold is a listening of its own, those the search for the operating point listened to (they crowd around
     * it) and every 32nd.
     */
    private int[] curveThresholds(StreamEvaluation e) {
        int step = policy.dependsOnDetections() ? 32 : 1;
        IntStream grid = IntStream.concat(IntStream.iterate(1, t -> t <= 255, t -> t + step), IntStream.of(255));
        return IntStream.concat(grid, Arrays.stream(e.thresholdsEvaluated())).distinct().sorted().toArray();
    }

    /** The detector whose stretch of stream is drawn: int8, the one the firmware runs, when there is one. */
    private int excerptNetwork() {
        for (int i = 0; i < detectors.size(); i++) {
            if (detectors.get(i).name().equals("int8")) {
                return i;
            }
        }
        return 0;
    }

    private Scores scoreClips(Detector d) {
        float[] s = new float[testClips.size()];
        boolean[] k = new boolean[s.length];
        IntStream.range(0, s.length).parallel().forEach(i -> s[i] = d.clipScorer().score(testClips.get(i).features()));
        for (int i = 0; i < k.length; i++) {
            k[i] = testClips.get(i).label() == 1;
        }
        return new Scores(s, k);
    }

    private static String timings(Map<String, Double> wall) {
        List<String> parts = new ArrayList<>();
        wall.forEach((name, s) -> parts.add(String.format(Locale.ROOT, "%s %.1f s", name, s)));
        return String.join(", ", parts);
    }
}
