package dev.hark.pipeline.crossval;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.soundstream.HeldOutMaterial;
import dev.hark.pipeline.soundstream.SoundStreamSettings;
import dev.hark.pipeline.soundstream.SoundStreamStage;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.Int8StreamingModel;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.PlainNumber;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The long-stream stage of the cross-validation: for every fold, streams made only of that fold's held-out audio
 * ({@link HeldOutMaterial#ofSpeakers}: its test speakers' word clips, every keyword clip heard exactly once, and the
 * TEST portion of each background recording, which no fold trains on), built as {@code hark stream-eval} builds them
 * ({@link VariedStreamBuilder}), and the int8 network of every model of every seed listening with its state carried
 * and one detector for the whole table, detections matched as MLPerf Tiny does. The counts are pooled over the folds
 * per seed into a {@link CrossValidationStreamTable}.
 *
 * <p>A fold's streams are built and heard one at a time and dropped; what each model of each seed made of them is
 * kept as {@code streams/seed-<s>/fold-<f>/<model>.csv} ({@link StreamCounts}), written atomically, so a rerun reads
 * them and listens to nothing again. {@code streams/streams.settings} holds what the counts depend on.
 */
public final class CrossValidationStreams {
    /** Streams numbered per fold from {@code fold x this}, so no two folds share a stream's randomness. */
    static final int STREAMS_PER_FOLD = 1000;

    /**
     * @param hoursPerFold each fold's stream audio, at least (longer when its keywords need it), in streams of at
     *                     most {@link SoundStreamSettings#DEFAULT_STREAM_HOURS}
     * @param seed         fixes every stream
     * @param detector     the detector's smoothing and refractory period, the same for every model, fold and seed
     */
    public record Settings(double hoursPerFold, long seed, DetectorTiming detector) {
        /** @throws IllegalArgumentException naming the option whose value cannot be used */
        public Settings {
            if (!(hoursPerFold > 0) || Double.isInfinite(hoursPerFold)) {
                throw new IllegalArgumentException("--stream-hours must be positive, got " + hoursPerFold);
            }
            if (hoursPerFold / SoundStreamSettings.DEFAULT_STREAM_HOURS >= STREAMS_PER_FOLD) {
                throw new IllegalArgumentException("--stream-hours must be below " + STREAMS_PER_FOLD
                        * SoundStreamSettings.DEFAULT_STREAM_HOURS + ", got " + hoursPerFold);
            }
        }

        /** The streams of one fold: their number and lengths. */
        SoundStreamSettings streams() {
            return new SoundStreamSettings(Split.TEST, hoursPerFold, SoundStreamSettings.DEFAULT_STREAM_HOURS, seed,
                    0);
        }

        String fingerprint() {
            return String.format(Locale.ROOT, "hoursPerFold=%s%nseed=%d%nsmoothingSteps=%d%nrefractorySeconds=%s%n"
                            + "variation=%s%n", hoursPerFold, seed, detector.smoothingSteps(),
                    detector.refractorySeconds(), VariedStreamBuilder.VARIATION);
        }
    }

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
                        + "fixed for the table (%s, chosen on no stream); MLPerf Tiny matching; stream seed %d. FRR: "
                        + "mean over the seeds at each seed's lowest threshold within the budget on its pooled hours "
                        + "[95%% Wilson over the %d keywords]; FA/h: all seeds' false alarms over all seeds' hours "
                        + "[95%% Poisson].",
                PlainNumber.of(settings.hoursPerFold()), keywords, hours, settings.detector().describe(),
                settings.seed(), keywords);
        return CrossValidationStreamTable.of(description, rows.stream().map(Student::name).toList(), pooled,
                SoundStreamStage.FA_BUDGETS);
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
        Set<String> speakers = heldOutSpeakers(fold);
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
                    .mapToObj(i -> hear(models.get(i), listeners.get(i).row(), features, stream, settings))
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

    /** The int8 network listens to the whole stream once; every threshold is counted on its scores. */
    private static StreamCounts hear(QuantizedModel model, Student row, byte[] features,
                                     VariedStream stream, Settings settings) {
        Int8StreamingModel listening = new Int8StreamingModel(model, row.config().convSteps());
        StreamEvaluation e = new StreamEvaluation(listening, features, stream.keywords(), stream.hours(),
                StatePolicy.DEFAULT, settings.detector().settings(listening.hopFrames(), 1),
                MatchingRule.MLPERF_TINY);
        return StreamCounts.of(e, stream.hours());
    }

    /** The speakers whose word clips the fold tests (its noise negatives have none). */
    static Set<String> heldOutSpeakers(Fold fold) {
        Set<String> speakers = new TreeSet<>();
        for (LabelledFeatures clip : fold.test()) {
            if (!clip.word().equals(NoiseNegatives.WORD)) {
                speakers.add(clip.speaker());
            }
        }
        return speakers;
    }
}
