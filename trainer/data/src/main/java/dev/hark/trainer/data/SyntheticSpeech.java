package dev.hark.trainer.data;

import dev.hark.sim.io.Executables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Long-form speech without the keyword, for the negative streams of the sound stream measurement: sentences of
 * {@link SentenceGenerator} read by the synthetic corpus's voices, each sentence by one voice at its own tempo and
 * pitch, every voice about equally often (flite and festival voices weighted as in the corpus). Each sentence is
 * brought to {@value #LEVEL_DBFS} dBFS RMS, the middle of the word clips' levels, so the streams vary the level
 * themselves. Outputs are cached under their request in a folder, so a second run synthesizes nothing.
 *
 * @param voices     the voices to read with (only those installed are used: {@link #installedVoices})
 * @param findOnPath finds an engine's executable on the PATH, null when there is none
 */
public record SyntheticSpeech(List<TtsVoice> voices, Function<String, Path> findOnPath) {
    /** The level every sentence is brought to. */
    public static final double LEVEL_DBFS = -26;

    public SyntheticSpeech {
        voices = List.copyOf(voices);
    }

    /** The corpus's default voices, engines looked up on the PATH. */
    public static SyntheticSpeech withCorpusVoices() {
        return new SyntheticSpeech(SyntheticCorpus.defaultVoices(), name -> Executables.find(name).orElse(null));
    }

    /**
     * The voices whose engine and voice are installed; empty when no engine is.
     *
     * @throws IOException if an installed engine fails to list its voices
     */
    public List<TtsVoice> installedVoices() throws IOException {
        return EngineCheck.installed(voices, findOnPath);
    }

    /**
     * Synthesizes (or reads from the cache) sentences {@code 0 .. count-1} of {@code SentenceGenerator.without(
     * keyword, seed)}, read by the installed voices.
     *
     * @param cacheDir where the engines' outputs are kept between runs
     * @param jobs     parallel TTS processes
     * @throws IOException if no voice is installed, or an engine fails
     */
    public List<SpokenSentence> read(String keyword, int count, long seed, Path cacheDir, int jobs,
                                     ProgressListener progress) throws IOException {
        List<TtsVoice> installed = installedVoices();
        if (installed.isEmpty()) {
            throw new IOException("no TTS voice is installed (espeak-ng, flite, festival); run scripts/install-deps");
        }
        SentenceGenerator sentences = SentenceGenerator.without(keyword, seed);
        List<TtsVoice> weighted = CorpusPlan.weightedVoices(installed);
        List<TtsRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random r = new Random(Hashes.seed(seed, "spoken-sentence/" + i));
            TtsVoice voice = weighted.get(r.nextInt(weighted.size()));
            requests.add(new TtsRequest(voice, sentences.sentence(i), 0.85 + 0.3 * r.nextDouble(),
                    -1 + 2 * r.nextDouble()));
        }
        TtsSynthesizer synthesizer = new TtsSynthesizer(cacheDir);
        synthesizer.prefetchFestival(requests.stream(), jobs, progress);
        UtteranceSource source = new UtteranceSource(synthesizer);
        SpokenSentence[] out = new SpokenSentence[count];
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            indices.add(i);
        }
        Parallel.forEach(indices, jobs, "synthesizing sentences", progress, i -> {
            TtsRequest request = requests.get(i);
            out[i] = new SpokenSentence("sentence " + i + " (" + request.voice().description() + ")",
                    request.text(), atLevel(source.load(request)));
        });
        return List.of(out);
    }

    /** The audio scaled to {@link #LEVEL_DBFS} RMS, rounded and saturated to int16. */
    static short[] atLevel(float[] audio) {
        double sum = 0;
        for (float v : audio) {
            sum += (double) v * v;
        }
        double rms = Math.sqrt(sum / Math.max(1, audio.length));
        double scale = rms == 0 ? 1 : 32768 * StrictMath.pow(10, LEVEL_DBFS / 20) / rms;
        short[] out = new short[audio.length];
        for (int i = 0; i < out.length; i++) {
            long v = Math.round(audio[i] * scale);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return out;
    }
}
