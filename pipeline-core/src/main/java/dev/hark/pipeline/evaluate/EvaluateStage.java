package dev.hark.pipeline.evaluate;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.Tools;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.report.StreamMaterial;
import dev.hark.pipeline.scoring.ClipScores;
import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.scoring.ModelScorers;
import dev.hark.pipeline.verify.VerifyStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.audio.AudioFormatException;
import dev.hark.sim.audio.AudioReading;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.sim.program.Lowering;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.NoiseRecording;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.eval.ClipMetrics;
import dev.hark.trainer.eval.Int8StreamingModel;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.report.Detector;
import dev.hark.trainer.report.EvaluationReport;
import dev.hark.trainer.report.HtmlReport;
import dev.hark.trainer.report.ReportCharts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates a model on recordings a user names ({@link EvaluationData}): the clips through the integer front end and
 * the int8 network as the firmware runs it (and the float network beside it when its weights are at hand), scored
 * and measured exactly as {@code hark report} measures a test split ({@link EvaluationReport}: clip metrics with
 * 95% intervals, a long stream of the clips and background recordings listened to step by step, the operating
 * point at a false-alarm budget); breakdowns of the errors; optionally the same clips through a target's firmware,
 * every traced byte compared with the simulator. Every input is read and checked before anything is written.
 */
public final class EvaluateStage {
    /**
     * How to evaluate.
     *
     * @param streamHours length of the long stream
     * @param seed        where its keywords go
     * @param gate        the quality gate (its budget is the one the stream's operating point is quoted at)
     * @param worstClips  how many of the worst clips of each class to list
     */
    public record Settings(double streamHours, long seed, QualityGate gate, int worstClips) {
        public Settings {
            if (!(streamHours > 0)) {
                throw new IllegalArgumentException("--hours: the stream's length must be positive, got "
                        + streamHours);
            }
            if (worstClips < 0) {
                throw new IllegalArgumentException("worst clips: at least 0, got " + worstClips);
            }
        }
    }

    /**
     * The same clips through a target's firmware.
     *
     * @param builtWith  the kernel library and rounding it was built with
     * @param comparison every traced layer of every clip against the simulator
     */
    public record FirmwareRun(Target target, String builtWith, TraceComparison.Result comparison) {
    }

    /**
     * How many evaluation clips come from speakers the model learned from.
     *
     * @param clips    such clips
     * @param speakers their distinct speakers
     * @param of       clips evaluated
     */
    public record SpeakerOverlap(int clips, int speakers, int of) {
        /** What is said when neither the model file nor a workspace records the training speakers. */
        public static final String NO_RECORD = "no training-speaker record: neither the model file nor a workspace"
                + " lists the speakers it was trained on, so clips of theirs cannot be counted";

        /** A clip counts when any of {@code records} holds its speaker. */
        static SpeakerOverlap of(List<LabelledFeatures> clips, List<TrainingSpeakers> records) {
            List<LabelledFeatures> known = clips.stream()
                    .filter(c -> records.stream().anyMatch(r -> r.contains(c.speaker()))).toList();
            return new SpeakerOverlap(known.size(), (int) known.stream().map(LabelledFeatures::speaker).distinct()
                    .count(), clips.size());
        }

        /** One line for people. */
        public String describe() {
            return clips == 0 ? "no clip comes from a speaker the model was trained on"
                    : "warning: " + clips + " of " + of + " clips (" + speakers + (speakers == 1 ? " speaker" :
                    " speakers") + ") come from speakers the model was trained on; figures on them are optimistic";
        }
    }

    /**
     * Everything measured and where it was written.
     *
     * @param paths        each clip's file, in clip order
     * @param scores       each network's clip scores by name ("float" when its weights were given, "int8")
     * @param report       the clip metrics and the stream's figures ({@link EvaluationReport})
     * @param breakdowns   the int8 network's errors by word, by speaker and by clip
     * @param gateFailures what fails the quality gate (empty when it passes or is not set)
     * @param overlap      clips from training speakers, when the training speakers are known
     */
    public record Evaluation(Path model, String modelName, EvaluationData data, Settings settings,
                             List<LabelledFeatures> clips, List<String> paths, Map<String, Scores> scores,
                             EvaluationReport.Result report, Breakdowns breakdowns, Optional<FirmwareRun> firmware,
                             List<String> gateFailures, Optional<SpeakerOverlap> overlap, Path csv, Path json) {
        /** Whether the firmware ran and a traced byte differed from the simulator's. */
        public boolean firmwareDiffers() {
            return firmware.isPresent() && !firmware.get().comparison().identical();
        }

        /** The int8 network's clip metrics. */
        public ClipMetrics int8() {
            return report.clipMetrics().get(INT8);
        }
    }

    /** The name of the int8 network's figures. */
    public static final String INT8 = "int8";
    /** The name of the float network's figures. */
    public static final String FLOAT = "float";
    /** The per-clip scores' file in the output folder. */
    public static final String CSV_FILE = "clips.csv";
    /** The JSON summary's file in the output folder. */
    public static final String JSON_FILE = "summary.json";

    private static final int SCORE_BINS = 20;

    private EvaluateStage() {
    }

    /**
     * Evaluates as {@code request} asks: the model read and checked, the tools the firmware needs found, the
     * recordings listed, all before anything is measured or written.
     *
     * @param weights  the float network the model was quantized from, if at hand
     * @param training the speakers the model learned from, if known
     * @throws IOException naming the file, for a model or recording that cannot be read or is not what it should be
     */
    public static Evaluation run(EvaluationRequest request, Optional<CrnnWeights> weights,
                                 Optional<TrainingSpeakers> training, PrintStream log) throws IOException {
        Optional<Target> firmware = request.firmware();
        QuantizedModel model = ModelInput.read(request.model());
        if (firmware.isPresent()) {
            Tools.requireToBuildAndRun(firmware.get());
        }
        EvaluationData data = EvaluationData.read(request.data(), request.keyword().orElse(model.info().keyword()),
                request.resample() ? AudioReading.RESAMPLED : AudioReading.STRICT, request.split());
        return run(request.model(), model, weights, training, data, request.settings(), firmware, request.out(), log);
    }

    /**
     * @param modelFile the model's file, for messages
     * @param weights   the float network the model was quantized from, if at hand
     * @param training  the speakers the model learned from, if a workspace records them (the model file's record, if
     *                  it has one, is checked as well)
     * @param target    a firmware target to run the clips on, if any
     * @param out       the folder the outputs go to (created)
     * @throws IllegalArgumentException naming the model file, when it spots another keyword or takes other features
     *                                  than the front end gives
     * @throws IOException              naming the file, when a clip cannot be read or is not 16 kHz mono 16-bit
     */
    public static Evaluation run(Path modelFile, QuantizedModel model, Optional<CrnnWeights> weights,
                                 Optional<TrainingSpeakers> training, EvaluationData data, Settings settings,
                                 Optional<Target> target, Path out, PrintStream log) throws IOException {
        requireFits(modelFile, model, weights, data.keyword());
        List<LabelledFeatures> clips = features(data, log);
        List<TrainingSpeakers> records = new ArrayList<>();
        model.info().knownTrainingSpeakers().ifPresent(records::add);
        training.ifPresent(records::add);
        Optional<SpeakerOverlap> overlap = records.isEmpty() ? Optional.empty()
                : Optional.of(SpeakerOverlap.of(clips, records));
        log.println("[evaluate] " + overlap.map(SpeakerOverlap::describe).orElse(SpeakerOverlap.NO_RECORD));
        List<String> paths = data.clips().stream().map(c -> c.source().toString()).toList();

        List<Detector> detectors = weights.map(w -> ModelScorers.of(w, model).detectors(ModelListeners.of(w, model)))
                .orElseGet(() -> List.of(int8Detector(model)));
        Map<String, Scores> scores = new LinkedHashMap<>();
        for (Detector d : detectors) {
            log.println("[evaluate] " + d.name() + ": scoring " + clips.size() + " clips");
            scores.put(d.name(), ClipScores.of(d.clipScorer(), clips));
        }
        Breakdowns breakdowns = Breakdowns.of(clips, paths, scores.get(INT8), settings.worstClips());
        StreamMaterial material = streamMaterial(data);

        Optional<FirmwareRun> firmware = Optional.empty();
        if (target.isPresent()) {
            firmware = Optional.of(onFirmware(model, target.get(), clips, out, log));
        }

        EvaluationReport report = new EvaluationReport("hark evaluate: " + model.info().name() + ", keyword '"
                + data.keyword() + "'").clips("clips of " + data.source(), clips)
                .testStream(material.keywordClips(), material.negativeClips(), material.noise(),
                        settings.streamHours() * 3600, settings.seed())
                .falseAlarmBudget(settings.gate().atFaPerHour())
                .log(log);
        detectors.forEach(d -> report.detector(d).clipScores(d.name(), scores.get(d.name())));
        report.chart("det-curve.png", ReportCharts.detCurve(scores), "False rejects against false accepts on the"
                + " clips as the decision threshold sweeps every score; lower left is better.");
        scores.forEach((name, s) -> report.chart("scores-" + name + ".png",
                ReportCharts.scoreDistributions(name, s, SCORE_BINS, ClipMetrics.THRESHOLD),
                "How the " + name + " network scores keyword clips and other clips, in " + SCORE_BINS
                        + " bins; the decision threshold is marked."));
        breakdownTables(breakdowns).forEach(report::table);
        EvaluationReport.Result result = report.write(out);

        List<String> gateFailures = settings.gate().failures(result.clipMetrics().get(INT8),
                result.streaming().orElseThrow().atBudget().get(INT8));
        Evaluation partial = new Evaluation(modelFile, model.info().name(), data, settings, clips, paths, scores,
                result, breakdowns, firmware, gateFailures, overlap, out.resolve(CSV_FILE), out.resolve(JSON_FILE));
        EvaluationOutputs.write(partial);
        log.println("[evaluate] " + partial.csv() + ", " + partial.json() + ", " + result.page());
        return partial;
    }

    /** The int8 network alone: its clip scorer and its streaming engine over a clip's worth of steps. */
    private static Detector int8Detector(QuantizedModel model) {
        int attentionWindow = Lowering.defaultAttentionWindow(model);
        new Int8StreamingModel(model, attentionWindow); // fails here if the model cannot stream
        return new Detector(INT8, ModelScorers.int8Scorer(model), () -> new Int8StreamingModel(model,
                attentionWindow));
    }

    private static void requireFits(Path modelFile, QuantizedModel model, Optional<CrnnWeights> weights,
                                    String keyword) {
        if (!model.info().keyword().equals(keyword)) {
            throw new IllegalArgumentException(modelFile + ": the model spots '" + model.info().keyword()
                    + "', not '" + keyword + "'");
        }
        int frames = LogMelFrontend.frameCount(Clip.LENGTH);
        if (!FrontendConfig.ID.equals(model.info().frontend()) || model.info().frames() != frames
                || model.info().melBins() != FrontendConfig.MEL_BINS) {
            throw new IllegalArgumentException(modelFile + ": the model takes " + model.info().frames() + " x "
                    + model.info().melBins() + " features of front end " + model.info().frontend() + ", the clips"
                    + " give " + frames + " x " + FrontendConfig.MEL_BINS + " of " + FrontendConfig.ID);
        }
        weights.ifPresent(w -> {
            if (w.config().frames() != frames || w.config().mels() != FrontendConfig.MEL_BINS) {
                throw new IllegalArgumentException("the float weights take " + w.config().frames() + " x "
                        + w.config().mels() + " features, the model " + frames + " x " + FrontendConfig.MEL_BINS);
            }
        });
    }

    private static List<LabelledFeatures> features(EvaluationData data, PrintStream log) throws IOException {
        try {
            return FeatureSet.compute(data.clips(), data.root(), data.keyword(), "[evaluate] features",
                    ProgressListener.printingTo(log), data.reading()).items();
        } catch (AccessDeniedException e) {
            throw new IOException(e.getFile() + ": cannot be read (permission denied)", e);
        } catch (AudioFormatException e) {
            throw EvaluationData.withResampleHint(e, data.reading());
        }
    }

    /** The long stream's audio: the keyword clips, the other clips and the whole background recordings. */
    private static StreamMaterial streamMaterial(EvaluationData data) throws IOException {
        List<short[]> keywords = new ArrayList<>();
        List<short[]> negatives = new ArrayList<>();
        for (ClipFile clip : data.clips()) {
            (data.isKeyword(clip) ? keywords : negatives).add(clip.load(data.reading()).samples());
        }
        return new StreamMaterial(keywords, negatives, data.background().stream().map(NoiseRecording::samples)
                .toList());
    }

    private static FirmwareRun onFirmware(QuantizedModel model, Target target, List<LabelledFeatures> clips,
                                          Path out, PrintStream log) throws IOException {
        Workspace firmwareFolder = new Workspace(out);
        FirmwareStage.Built built = FirmwareStage.run(model, firmwareFolder, List.of(target), KernelLibrary.portable(),
                log);
        TraceComparison.Result result = VerifyStage.run(model, built.builds(), clips, firmwareFolder.firmware(), log)
                .get(target);
        return new FirmwareRun(target, built.builds().get(target).kernelsAndRounding(), result);
    }

    private static List<HtmlReport.Table> breakdownTables(Breakdowns b) {
        List<HtmlReport.Table> tables = new ArrayList<>();
        String at = " (int8 network, threshold " + ClipMetrics.THRESHOLD + ")";
        tables.add(new HtmlReport.Table("False accepts by word" + at, List.of("word", "false accepts", "clips"),
                b.falseAcceptsByWord().stream().map(c -> List.of(c.name(), Integer.toString(c.errors()),
                        Integer.toString(c.clips()))).toList()));
        tables.add(new HtmlReport.Table("Misses by speaker" + at, List.of("speaker", "misses", "keyword clips"),
                b.missesBySpeaker().stream().map(c -> List.of(speaker(c.name()), Integer.toString(c.errors()),
                        Integer.toString(c.clips()))).toList()));
        tables.add(clipTable("Keyword clips scored lowest", b.worstKeywordClips()));
        tables.add(clipTable("Other clips scored highest", b.worstOtherClips()));
        return tables;
    }

    private static HtmlReport.Table clipTable(String caption, List<Breakdowns.ClipScore> clips) {
        return new HtmlReport.Table(caption, List.of("clip", "word", "speaker", "int8 score"), clips.stream()
                .map(c -> List.of(c.path(), c.word(), speaker(c.speaker()),
                        String.format(Locale.ROOT, "%.4f", c.score()))).toList());
    }

    /** A speaker for people: the clips' id, or a word saying there is none. */
    static String speaker(String id) {
        return id.isEmpty() ? "(unknown)" : id;
    }
}
