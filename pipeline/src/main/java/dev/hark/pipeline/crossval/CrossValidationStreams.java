package dev.hark.pipeline.crossval;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.soundstream.HeldOutMaterial;
import dev.hark.pipeline.soundstream.SoundStreamRun;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.soundstream.SoundStreamStage;
import dev.hark.pipeline.workspace.DetectorFile;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorChoice;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.Int8StreamingModel;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamSetEvaluation;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The long-stream stage of the cross-validation: for every fold, streams made only of that fold's held-out audio
 * ({@link HeldOutMaterial#ofSpeakers}: its test speakers' word clips, every keyword clip heard exactly once, and the
 * TEST portion of each background recording, which no fold trains on), built as {@code hark stream-eval} builds them
 * ({@link VariedStreamBuilder}), and the int8 network of every model of every seed listening with its state carried,
 * detections matched as MLPerf Tiny does. The counts are pooled over the folds per seed into a
 * {@link CrossValidationStreamTable}.
 *
 * <p>The detector's smoothing and refractory period are fixed for the whole table, or each model of each fold and
 * seed chooses its own ({@link DetectorChoice}), as a deployed model's is chosen, on streams built the same way of
 * the fold's dev speakers (those that chose its kept epoch; the fold tests none of them) and the DEV portion of the
 * background recordings.
 *
 * <p>A fold's streams are built and heard one at a time and dropped; what each model of each seed made of them is
 * kept as {@code streams/seed-<s>/fold-<f>/<model>.csv} ({@link StreamCounts}), written atomically, the chosen
 * detector beside it first ({@code <model>-detector.properties}), so a rerun reads them and listens to nothing
 * again. {@code streams/streams.settings} holds what the counts depend on.
 */
public final class CrossValidationStreams {
    /** Streams numbered per fold from {@code fold x this}, so no two folds share a stream's randomness. */
    static final int STREAMS_PER_FOLD = 1000;

    /**
     * @param hoursPerFold    each fold's stream audio, at least (longer when its keywords need it), in streams of at
     *                        most {@link SoundStreamSettings#DEFAULT_STREAM_HOURS}
     * @param seed            fixes every stream
     * @param fixedDetector   the detector's smoothing and refractory period, the same for every model, fold and seed;
     *                        empty: each model of each fold and seed chooses its own on streams of the fold's dev
     *                        speakers ({@link DetectorChoice}), as a trained model's detector is chosen on the dev
     *                        split's streams before it is deployed (docs/benchmark.md measured no gain from it)
     * @param devHoursPerFold the dev-speaker streams each fold's models choose their detector on; with a fixed
     *                        detector {@link #NO_DEV_HOURS}
     */
    public record Settings(double hoursPerFold, long seed, Optional<DetectorTiming> fixedDetector,
                           double devHoursPerFold) {
        /** @throws IllegalArgumentException naming the option whose value cannot be used */
        public Settings {
            hours("--stream-hours", hoursPerFold);
            if (fixedDetector.isEmpty()) {
                hours("--stream-dev-hours", devHoursPerFold);
            } else if (devHoursPerFold != NO_DEV_HOURS) {
                throw new IllegalArgumentException("a fixed detector chooses on no dev streams, got "
                        + devHoursPerFold + " h of them");
            }
        }

        private static void hours(String option, double hours) {
            if (!(hours > 0) || Double.isInfinite(hours)) {
                throw new IllegalArgumentException(option + " must be positive, got " + hours);
            }
            if (hours / SoundStreamSettings.DEFAULT_STREAM_HOURS >= STREAMS_PER_FOLD) {
                throw new IllegalArgumentException(option + " must be below " + STREAMS_PER_FOLD
                        * SoundStreamSettings.DEFAULT_STREAM_HOURS + ", got " + hours);
            }
        }

        /** The streams of one fold: their number and lengths. */
        SoundStreamSettings streams() {
            return new SoundStreamSettings(Split.TEST, hoursPerFold, SoundStreamSettings.DEFAULT_STREAM_HOURS, seed,
                    0);
        }

        /** The dev-speaker streams of one fold, at a seed of their own. */
        SoundStreamSettings devStreams() {
            return new SoundStreamSettings(Split.DEV, devHoursPerFold, SoundStreamSettings.DEFAULT_STREAM_HOURS,
                    seed + SoundStreamRun.DEV_SEED_OFFSET, 0);
        }

        /** As the table describes the detector. */
        String describeDetector() {
            return fixedDetector.map(d -> "fixed for the table (" + d.describe() + ", chosen on no stream)")
                    .orElse(String.format(Locale.ROOT, "chosen for each model, fold and seed on %s h of varied "
                                    + "streams of the fold's dev speakers and the DEV portion of the background "
                                    + "recordings (DetectorChoice: fewest misses at <= %s FA/h, then at the next "
                                    + "budget, ...)", PlainNumber.of(devHoursPerFold),
                            PlainNumber.of(SoundStreamStage.FA_BUDGETS.get(0))));
        }

        String fingerprint() {
            String detector = fixedDetector.map(d -> String.format(Locale.ROOT, "smoothingSteps=%d%n"
                    + "refractorySeconds=%s%n", d.smoothingSteps(), d.refractorySeconds())).orElse(String.format(
                    Locale.ROOT, "detector=chosen on the fold's dev speakers' streams%ndevHoursPerFold=%s%n"
                            + "candidates=%s%n", devHoursPerFold, DetectorChoice.defaultCandidates().stream()
                            .map(DetectorTiming::describe).collect(Collectors.joining("; "))));
            return String.format(Locale.ROOT, "hoursPerFold=%s%nseed=%d%n%svariation=%s%n", hoursPerFold, seed,
                    detector, VariedStreamBuilder.VARIATION);
        }
    }

    /** What {@link Settings#devHoursPerFold} holds with a fixed detector, which chooses nothing. */
    public static final double NO_DEV_HOURS = 0;

    private CrossValidationStreams() {
    }

    /**
     * @param folds     the folds, as the clip table tested them
     * @param rows      every model of the table
     * @param seeds     the training seeds
     * @param directory the cross-validation's folder: the models are read from its {@code seed-<s>/fold-<f>/}
     */
    public static CrossValidationStreamTable run(BenchmarkData data, List<Fold> folds, List<Student> rows,
                                                 List<Long> seeds, Settings settings, Path directory,
                                                 PrintStream log) throws IOException {
        Path streams = directory.resolve("streams");
        Files.createDirectories(streams);
        CrossValidationStage.claim(streams.resolve("streams.settings"), settings.fingerprint());
        List<List<StreamCounts>> pooled = new ArrayList<>(); // per model, per seed
        rows.forEach(r -> pooled.add(new ArrayList<>()));
        List<List<List<StreamCounts>>> byFold = new ArrayList<>();
        for (Fold fold : folds) {
            byFold.add(foldCounts(data, fold, rows, seeds, settings, directory, streams, log));
        }
        int keywords = 0;
        double hours = 0;
        for (int m = 0; m < rows.size(); m++) {
            for (int s = 0; s < seeds.size(); s++) {
                StreamCounts sum = null;
                for (List<List<StreamCounts>> fold : byFold) {
                    StreamCounts c = fold.get(m).get(s);
                    sum = sum == null ? c : sum.plus(c);
                }
                pooled.get(m).add(sum);
                keywords = sum.keywords();
                hours = sum.hours();
            }
        }
        String description = String.format(Locale.ROOT, "Long streams (int8, as the firmware runs): per fold, "
                        + "%s h or more of varied streams of its held-out speakers' word clips and the TEST portion "
                        + "of the background recordings (no synthetic speech), every keyword clip heard once; pooled "
                        + "over the folds: %d keywords and %.2f h per seed, heard by each seed's models; detector "
                        + "%s; MLPerf Tiny matching; stream seed %d. FRR: "
                        + "mean over the seeds at each seed's lowest threshold within the budget on its pooled hours "
                        + "[95%% Wilson over the %d keywords]; FA/h: all seeds' false alarms over all seeds' hours "
                        + "[95%% Poisson].%s",
                PlainNumber.of(settings.hoursPerFold()), keywords, hours, settings.describeDetector(),
                settings.seed(), keywords, settings.fixedDetector().isPresent() ? ""
                        : " Detectors chosen, per model over its folds and seeds: "
                        + chosenDetectors(folds, rows, seeds, streams) + ".");
        return CrossValidationStreamTable.of(description, rows.stream().map(Student::name).toList(), pooled,
                SoundStreamStage.FA_BUDGETS);
    }

    /**
     * Per model, how often each detector was chosen over its folds and seeds, the most chosen first: "teacher: mean of
     * 1 score, 2 s refractory (6), mean of 12 scores, 1 s refractory (4)".
     */
    private static String chosenDetectors(List<Fold> folds, List<Student> rows, List<Long> seeds, Path streams)
            throws IOException {
        List<String> perModel = new ArrayList<>();
        for (Student row : rows) {
            Map<String, Integer> times = new LinkedHashMap<>();
            for (long seed : seeds) {
                for (Fold fold : folds) {
                    Path file = detectorFile(streams.resolve("seed-" + seed).resolve(fold.name())
                            .resolve(row.directoryName() + ".csv"));
                    DetectorTiming timing = DetectorFile.read(file).orElseThrow(() -> new IllegalStateException(
                            file + ": missing beside its counts; delete the counts to listen again"));
                    times.merge(timing.describe(), 1, Integer::sum);
                }
            }
            perModel.add(row.name() + ": " + times.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return String.join("; ", perModel);
    }

    /** Per model, per seed: the fold's counts, read back or heard now. */
    private static List<List<StreamCounts>> foldCounts(BenchmarkData data, Fold fold, List<Student> rows,
                                                       List<Long> seeds, Settings settings, Path directory,
                                                       Path streams, PrintStream log) throws IOException {
        List<Listener> missing = new ArrayList<>();
        for (long seed : seeds) {
            for (Student row : rows) {
                Path file = streams.resolve("seed-" + seed).resolve(fold.name()).resolve(row.directoryName()
                        + ".csv");
                if (!Files.exists(file)) {
                    Path model = directory.resolve("seed-" + seed).resolve(fold.name()).resolve(row.directoryName())
                            .resolve("model.hark");
                    missing.add(new Listener(row, seed, model, file));
                }
            }
        }
        if (!missing.isEmpty()) {
            listen(data, fold, missing, settings, log);
        } else {
            log.printf(Locale.ROOT, "[crossval streams] %s: reusing every model's counts%n", fold.name());
        }
        List<List<StreamCounts>> counts = new ArrayList<>();
        for (Student row : rows) {
            List<StreamCounts> perSeed = new ArrayList<>();
            for (long seed : seeds) {
                perSeed.add(StreamCounts.read(streams.resolve("seed-" + seed).resolve(fold.name())
                        .resolve(row.directoryName() + ".csv")));
            }
            counts.add(perSeed);
        }
        return counts;
    }

    /** One model of one seed that has not heard the fold's streams yet. */
    private record Listener(Student row, long seed, Path model, Path counts) {
        String name() {
            return "seed " + seed + " " + row.name();
        }

        Path detector() {
            return detectorFile(counts);
        }
    }

    /** Where the detector a model chose on a fold's dev-speaker streams is kept, beside its counts. */
    static Path detectorFile(Path counts) {
        String name = counts.getFileName().toString();
        return counts.resolveSibling(name.substring(0, name.length() - ".csv".length()) + "-detector.properties");
    }

    private static void listen(BenchmarkData data, Fold fold, List<Listener> listeners, Settings settings,
                               PrintStream log) throws IOException {
        List<QuantizedModel> models = new ArrayList<>();
        for (Listener l : listeners) {
            if (!Files.exists(l.model())) {
                throw new IllegalStateException(l.model() + ": missing; the fold's models are trained before its "
                        + "streams are heard");
            }
            models.add(ModelFile.read(l.model()));
        }
        List<DetectorTiming> detectors = settings.fixedDetector().isPresent()
                ? Collections.nCopies(listeners.size(), settings.fixedDetector().get())
                : chooseDetectors(data, fold, listeners, models, settings, log);
        Set<String> speakers = fold.testSpeakers();
        HeldOutMaterial held = HeldOutMaterial.ofSpeakers(data, speakers, Split.TEST, List.of());
        List<StreamSource> keywords = held.material().keywords();
        long expected = fold.test().stream().filter(c -> c.label() == 1).count();
        if (keywords.size() != expected) {
            throw new IllegalStateException(fold.name() + ": its speakers have " + keywords.size() + " keyword clips "
                    + "to stream, the fold tests " + expected);
        }
        SoundStreamSettings streams = settings.streams();
        int n = streams.streams();
        List<StreamCounts> sums = new ArrayList<>();
        listeners.forEach(l -> sums.add(null));
        for (int k = 0; k < n; k++) {
            long start = System.nanoTime();
            // The fold's keywords dealt to its streams in turn, so each is heard once over them.
            List<StreamSource> share = new ArrayList<>();
            for (int i = k; i < keywords.size(); i += n) {
                share.add(keywords.get(i));
            }
            VariedStreamBuilder builder = new VariedStreamBuilder(new VariedStreamBuilder.Material(share,
                    held.material().words(), held.material().background(), held.material().speech()), held.noise(),
                    settings.seed());
            VariedStream stream = builder.buildHearingEachKeywordOnce(fold.index() * STREAMS_PER_FOLD + k,
                    streams.streamSeconds(k));
            byte[] features = StreamFeatures.of(stream.samples());
            List<StreamCounts> heard = IntStream.range(0, listeners.size()).parallel()
                    .mapToObj(i -> StreamCounts.of(hear(models.get(i), listeners.get(i).row(), features, stream,
                            detectors.get(i)), stream.hours()))
                    .toList();
            for (int i = 0; i < sums.size(); i++) {
                sums.set(i, sums.get(i) == null ? heard.get(i) : sums.get(i).plus(heard.get(i)));
            }
            log.printf(Locale.ROOT, "[crossval streams] %s stream %d/%d: %.2f h, %d keywords; heard by %d models in "
                            + "%.0f s%n", fold.name(), k + 1, n, stream.hours(), stream.keywords().size(),
                    listeners.size(), (System.nanoTime() - start) / 1e9);
        }
        for (int i = 0; i < listeners.size(); i++) {
            Files.createDirectories(listeners.get(i).counts().getParent());
            sums.get(i).write(listeners.get(i).counts());
        }
        log.printf(Locale.ROOT, "[crossval streams] %s: counts of %s written%n", fold.name(),
                listeners.stream().map(Listener::name).collect(Collectors.joining(", ")));
    }

    /**
     * Each model's detector, chosen on streams of the fold's dev speakers (the speakers that chose its kept epoch,
     * none of them tested by the fold) and the DEV portion of the background recordings, heard once by each model;
     * written beside where its counts will be, before them, so that a rerun that reads the counts finds it.
     */
    private static List<DetectorTiming> chooseDetectors(BenchmarkData data, Fold fold, List<Listener> listeners,
                                                        List<QuantizedModel> models, Settings settings,
                                                        PrintStream log) throws IOException {
        HeldOutMaterial held = HeldOutMaterial.ofSpeakers(data, fold.devSpeakers(), Split.DEV, List.of());
        SoundStreamSettings dev = settings.devStreams();
        VariedStreamBuilder builder = new VariedStreamBuilder(held.material(), held.noise(), dev.seed());
        List<List<StreamSetEvaluation.Member>> members = new ArrayList<>();
        listeners.forEach(l -> members.add(new ArrayList<>()));
        int keywords = 0;
        for (int k = 0; k < dev.streams(); k++) {
            VariedStream stream = builder.build(fold.index() * STREAMS_PER_FOLD + k, dev.streamSeconds(k));
            byte[] features = StreamFeatures.of(stream.samples());
            keywords += stream.keywords().size();
            List<StreamEvaluation> heard = IntStream.range(0, listeners.size()).parallel()
                    .mapToObj(i -> hear(models.get(i), listeners.get(i).row(), features, stream,
                            DetectorTiming.DEFAULT))
                    .toList();
            for (int i = 0; i < listeners.size(); i++) {
                members.get(i).add(new StreamSetEvaluation.Member(heard.get(i), stream.stretches(), stream.hours()));
            }
        }
        String how = String.format(Locale.ROOT, "%s h of varied streams of %s's dev speakers (%d keywords, seed %d)",
                PlainNumber.of(settings.devHoursPerFold()), fold.name(), keywords, dev.seed());
        List<DetectorTiming> chosen = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            DetectorChoice choice = DetectorChoice.choose(new StreamSetEvaluation(members.get(i)),
                    DetectorChoice.defaultCandidates(), SoundStreamStage.FA_BUDGETS);
            Files.createDirectories(listeners.get(i).detector().getParent());
            DetectorFile.write(listeners.get(i).detector(), choice.chosen(), choice.deployedThreshold(), how);
            chosen.add(choice.chosen());
            log.printf(Locale.ROOT, "[crossval streams] %s, %s: detector chosen on %s: %s%n", fold.name(),
                    listeners.get(i).name(), how, choice.chosen().describe());
        }
        return chosen;
    }

    /**
     * The int8 network listens to the whole stream once, now (on the caller's thread); every threshold, and every
     * other detector, is counted on its scores.
     */
    private static StreamEvaluation hear(QuantizedModel model, Student row, byte[] features, VariedStream stream,
                                         DetectorTiming detector) {
        Int8StreamingModel listening = new Int8StreamingModel(model, row.config().convSteps());
        StreamEvaluation e = new StreamEvaluation(listening, features, stream.keywords(), stream.hours(),
                StatePolicy.DEFAULT, detector.settings(listening.hopFrames(), 1), MatchingRule.MLPERF_TINY);
        e.listening(1);
        return e;
    }
}
