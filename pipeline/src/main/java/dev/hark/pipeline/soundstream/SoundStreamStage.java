package dev.hark.pipeline.soundstream;

import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.data.SpokenSentence;
import dev.hark.trainer.data.SyntheticSpeech;
import dev.hark.trainer.data.TtsVoice;
import dev.hark.trainer.eval.DetectorChoice;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.SoundStreamTable;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamExcerpt;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.StreamSetEvaluation;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The sound stream measurement: streams of held-out audio in which no piece repeats the same samples
 * ({@link VariedStreamBuilder}), the networks listening to each with their state carried and the evaluation's
 * detector, detections matched as MLPerf Tiny does, counted over all streams at each false-alarm budget, every false
 * alarm put down to its source. Streams are built, heard and dropped one at a time; only their feature frames and
 * provenance are kept.
 */
public final class SoundStreamStage {
    /** The budgets the figures are given at, false alarms per hour. */
    public static final List<Double> FA_BUDGETS = List.of(0.5, 1.0);

    private SoundStreamStage() {
    }

    /**
     * What the measurement found.
     *
     * @param table       the figures at each budget
     * @param networks    the networks' names, in the table's order
     * @param evaluations each network's streams, heard (any threshold can be counted again)
     * @param timing      the detector's smoothing and refractory period
     */
    public record Result(SoundStreamTable table, List<String> networks, List<StreamSetEvaluation> evaluations,
                         DetectorTiming timing) {
        public Result {
            networks = List.copyOf(networks);
            evaluations = List.copyOf(evaluations);
        }

        /** Each network's outcome at every threshold, ascending: its DET curve over all the streams. */
        public Map<String, List<StreamOutcome>> curves() {
            Map<String, List<StreamOutcome>> curves = new LinkedHashMap<>();
            for (int i = 0; i < networks.size(); i++) {
                curves.put(networks.get(i), evaluations.get(i).curve());
            }
            return curves;
        }

        /**
         * A stretch of the stream with the most false alarms of {@code network} at its threshold for {@code budget}
         * (the first stream when none has any); empty when the network meets the budget only by never firing.
         */
        public Optional<StreamExcerpt> excerpt(String network, double budget, double seconds) {
            StreamSetEvaluation set = evaluations.get(networks.indexOf(network));
            StreamOutcome o = set.atFalseAlarmBudget(budget);
            if (!o.fires()) {
                return Optional.empty();
            }
            StreamEvaluation shown = set.members().get(0).evaluation();
            int most = -1;
            for (StreamSetEvaluation.Member m : set.members()) {
                int falseAlarms = m.evaluation().at(o.threshold()).falseAlarms();
                if (falseAlarms > most) {
                    most = falseAlarms;
                    shown = m.evaluation();
                }
            }
            return Optional.of(StreamExcerpt.of(shown.listening(o.threshold()), shown.keywords(),
                    MatchingRule.MLPERF_TINY, seconds));
        }
    }

    /**
     * @param models      the listening networks by name, a fresh one per call
     * @param timing      the detector's smoothing and refractory period (chosen on dev streams, {@link #chooseDetector})
     * @param speechCache where synthesized sentences are kept between runs
     * @param jobs        parallel TTS processes
     */
    public static Result run(BenchmarkData data, SoundStreamSettings settings,
                             Map<String, Supplier<StreamingModel>> models, DetectorTiming timing, Path speechCache,
                             int jobs, PrintStream log) throws IOException {
        Speech speech = speech(data.keyword(), settings, speechCache, jobs, log);
        Heard heard = hear(data, settings, speech, models, timing, log);
        String description = String.format(Locale.ROOT, "Sound stream measurement: %d stream(s), %.2f h of %s-split "
                        + "audio in all (seed %d), %d keywords; %d word clips, %d background excerpts and %d "
                        + "synthetic sentences, every piece varied (%s); state carried, detector: %s; MLPerf Tiny "
                        + "matching; 95%% intervals (miss rate: Clopper-Pearson; FA/h: Poisson)",
                settings.streams(), heard.evaluations().get(0).hours(), settings.split().name(), settings.seed(),
                heard.keywords(), heard.pieces()[0], heard.pieces()[1], heard.pieces()[2], speech.describe(),
                timing.describe());
        return new Result(SoundStreamTable.of(description, heard.names(), heard.evaluations(), FA_BUDGETS),
                heard.names(), heard.evaluations(), timing);
    }

    /**
     * Chooses the detector's smoothing and refractory period ({@link DetectorChoice}) on streams of
     * {@code settings.split()} (the dev split; never the test split the figures are measured on), heard by
     * {@code network} once, every candidate counted on the same scores at {@link #FA_BUDGETS}.
     *
     * @throws IllegalArgumentException if the streams would be of the test split
     */
    public static DetectorChoice chooseDetector(BenchmarkData data, SoundStreamSettings settings, String network,
                                                Supplier<StreamingModel> model, Path speechCache, int jobs,
                                                PrintStream log) throws IOException {
        if (settings.split() == Split.TEST) {
            throw new IllegalArgumentException("the detector is chosen on dev or train streams, never on test ones");
        }
        Speech speech = speech(data.keyword(), settings, speechCache, jobs, log);
        Heard heard = hear(data, settings, speech, Map.of(network, model), DetectorTiming.DEFAULT, log);
        DetectorChoice choice = DetectorChoice.choose(heard.evaluations().get(0), DetectorChoice.defaultCandidates(),
                FA_BUDGETS);
        log.printf(Locale.ROOT, "[detector] chosen on %.2f h of %s-split streams (%d keywords) by %s: %s%n",
                heard.evaluations().get(0).hours(), settings.split().name(), heard.keywords(), network,
                choice.chosen().describe());
        return choice;
    }

    /** The networks' streams, heard, and what the streams held. */
    private record Heard(List<String> names, List<StreamSetEvaluation> evaluations, int keywords, long[] pieces) {
    }

    private static Heard hear(BenchmarkData data, SoundStreamSettings settings, Speech speech,
                              Map<String, Supplier<StreamingModel>> models, DetectorTiming timing, PrintStream log)
            throws IOException {
        HeldOutMaterial held = HeldOutMaterial.of(data, settings.split(), speech.sentences());
        VariedStreamBuilder builder = new VariedStreamBuilder(held.material(), held.noise(), settings.seed());
        List<String> names = List.copyOf(models.keySet());
        List<List<StreamSetEvaluation.Member>> members = new ArrayList<>();
        names.forEach(n -> members.add(new ArrayList<>()));
        int keywords = 0;
        long[] pieces = new long[3];
        for (int n = 0; n < settings.streams(); n++) {
            long start = System.nanoTime();
            VariedStream stream = builder.build(n, settings.streamSeconds(n));
            byte[] features = StreamFeatures.of(stream.samples());
            keywords += stream.keywords().size();
            long words = stream.stretches().stream().filter(s -> !s.keyword() && !s.label().equals(
                    StreamSource.BACKGROUND) && !s.label().equals(StreamSource.SYNTHETIC_SPEECH)).count();
            pieces[0] += words;
            pieces[1] += stream.pieces(StreamSource.BACKGROUND);
            pieces[2] += stream.pieces(StreamSource.SYNTHETIC_SPEECH);
            List<StreamSetEvaluation.Member> heard = names.parallelStream()
                    .map(name -> listen(models.get(name).get(), features, stream, timing)).toList();
            for (int i = 0; i < names.size(); i++) {
                members.get(i).add(heard.get(i));
            }
            log.printf(Locale.ROOT, "[sound streams] %s stream %d/%d: %.2f h, %d keywords, %d word clips, %d "
                            + "background excerpts, %d sentences; built and heard by %s in %.0f s%n",
                    settings.split().name(), n + 1, settings.streams(), stream.hours(), stream.keywords().size(),
                    words, stream.pieces(StreamSource.BACKGROUND), stream.pieces(StreamSource.SYNTHETIC_SPEECH),
                    String.join(" and ", names), (System.nanoTime() - start) / 1e9);
        }
        return new Heard(names, members.stream().map(StreamSetEvaluation::new).toList(), keywords, pieces);
    }

    /** The network listens to the whole stream once (the state carried, one listening serves every threshold). */
    private static StreamSetEvaluation.Member listen(StreamingModel model, byte[] features, VariedStream stream,
                                                     DetectorTiming timing) {
        StreamEvaluation e = new StreamEvaluation(model, features, stream.keywords(), stream.hours(),
                StatePolicy.DEFAULT, timing.settings(model.hopFrames(), 1), MatchingRule.MLPERF_TINY);
        e.listening(1);
        return new StreamSetEvaluation.Member(e, stream.stretches(), stream.hours());
    }

    /** The synthetic sentences and who read them; none when asked for none or no TTS engine is installed. */
    private record Speech(List<SpokenSentence> sentences, int voices, String skipped) {
        String describe() {
            return skipped.isEmpty() ? String.format(Locale.ROOT, "synthetic speech: %d sentences by %d voices",
                    sentences.size(), voices) : "no synthetic speech: " + skipped;
        }
    }

    private static Speech speech(String keyword, SoundStreamSettings settings, Path cache, int jobs, PrintStream log)
            throws IOException {
        if (settings.sentences() == 0) {
            return new Speech(List.of(), 0, "none asked for");
        }
        SyntheticSpeech tts = SyntheticSpeech.withCorpusVoices();
        List<TtsVoice> voices = tts.installedVoices();
        if (voices.isEmpty()) {
            String why = "no TTS engine installed (espeak-ng, flite, festival; scripts/install-deps installs them)";
            log.println("[sound streams] synthetic speech skipped: " + why);
            return new Speech(List.of(), 0, why);
        }
        log.printf(Locale.ROOT, "[sound streams] synthetic speech: %d sentences by %d installed voices (cached in "
                + "%s)%n", settings.sentences(), voices.size(), cache);
        List<SpokenSentence> sentences = tts.read(keyword, settings.sentences(), settings.seed(), cache, jobs,
                ProgressListener.printingTo(log));
        return new Speech(sentences, voices.size(), "");
    }
}
