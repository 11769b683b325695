package dev.hark.pipeline.soundstream;

import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.SpokenSentence;
import dev.hark.trainer.data.SyntheticSpeech;
import dev.hark.trainer.data.TtsVoice;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.SoundStreamTable;
import dev.hark.trainer.eval.StatePolicy;
import dev.hark.trainer.eval.StreamEvaluation;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.eval.StreamSetEvaluation;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.eval.VariedStream;
import dev.hark.trainer.eval.VariedStreamBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
     * @param models      the listening networks by name, a fresh one per call
     * @param speechCache where synthesized sentences are kept between runs
     * @param jobs        parallel TTS processes
     */
    public static SoundStreamTable run(BenchmarkData data, SoundStreamSettings settings,
                                       Map<String, Supplier<StreamingModel>> models, Path speechCache, int jobs,
                                       PrintStream log) throws IOException {
        Speech speech = speech(data.keyword(), settings, speechCache, jobs, log);
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
                    .map(name -> listen(models.get(name).get(), features, stream)).toList();
            for (int i = 0; i < names.size(); i++) {
                members.get(i).add(heard.get(i));
            }
            log.printf(Locale.ROOT, "[sound streams] stream %d/%d: %.2f h, %d keywords, %d word clips, %d background "
                            + "excerpts, %d sentences; built and heard by %s in %.0f s%n", n + 1, settings.streams(),
                    stream.hours(), stream.keywords().size(), words, stream.pieces(StreamSource.BACKGROUND),
                    stream.pieces(StreamSource.SYNTHETIC_SPEECH), String.join(" and ", names),
                    (System.nanoTime() - start) / 1e9);
        }
        List<StreamSetEvaluation> evaluations = members.stream().map(StreamSetEvaluation::new).toList();
        String description = String.format(Locale.ROOT, "Sound stream measurement: %d stream(s), %.2f h of %s-split "
                        + "audio in all (seed %d), %d keywords; %d word clips, %d background excerpts and %d "
                        + "synthetic sentences, every piece varied (%s); state carried, smoothing %d, MLPerf Tiny "
                        + "matching; 95%% intervals (miss rate: Clopper-Pearson; FA/h: Poisson)",
                settings.streams(), evaluations.get(0).hours(), settings.split().name(), settings.seed(), keywords,
                pieces[0], pieces[1], pieces[2], speech.describe(), DetectorTiming.DEFAULT.smoothingSteps());
        return SoundStreamTable.of(description, names, evaluations, FA_BUDGETS);
    }

    /** The network listens to the whole stream once (the state carried, one listening serves every threshold). */
    private static StreamSetEvaluation.Member listen(StreamingModel model, byte[] features, VariedStream stream) {
        StreamEvaluation e = new StreamEvaluation(model, features, stream.keywords(), stream.hours(),
                StatePolicy.DEFAULT, DetectorTiming.DEFAULT.settings(model.hopFrames(), 1), MatchingRule.MLPERF_TINY);
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
