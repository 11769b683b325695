package dev.hark.trainer.data;

import dev.hark.sim.audio.WavFile;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.sim.io.Directories;
import dev.hark.sim.io.Executables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the default training corpus offline, from text-to-speech, in Speech Commands layout:
 * <pre>
 *   dir/&lt;word&gt;/&lt;speaker&gt;_nohash_&lt;n&gt;.wav   1 s, 16 kHz, mono, 16-bit; speaker = 8 hex digits naming a TTS voice
 *   dir/noise/&lt;id&gt;_nohash_0.wav               noise-only negative clips
 *   dir/_background_noise_/*.wav              10 s each: white, pink, brown noise, hum, machine, babble
 *   dir/manifest.csv                          every clip: word, speaker, voice, tempo, pitch, level, SNR, noise, sha256
 *   dir/corpus.json                           configuration and counts; written last = the corpus is complete
 * </pre>
 * Each clip is one word synthesized by one voice (espeak-ng, flite or festival) at a random tempo and pitch,
 * resampled to 16 kHz, trimmed, placed at a random position of the second at a random level, over a random
 * stretch of a background recording at a random SNR of 5..30 dB. Every random choice derives from the seed,
 * so the same configuration always produces byte-identical files.
 *
 * <p>Resumable: every file is written atomically, finished clips are skipped, and TTS outputs are cached in
 * {@code dir/.tts-cache/} until the corpus is complete, so a killed build continues where it stopped. A folder
 * holding a corpus of another configuration, or anything else, is refused rather than mixed.
 *
 * <pre>{@code
 * CorpusSummary s = SyntheticCorpus.builder().seed(7).build().generate(dir, ProgressListener.stderr());
 * }</pre>
 *
 * <p>Build with {@link #builder()}: every setting has a default that gives the project's standard corpus.
 *
 * @param seed                 master seed of every random choice
 * @param keyword              the positive word; lower-case letters only
 * @param negativeWords        lower-case letters only, distinct, neither the keyword nor {@code noise}
 * @param voices               the speakers, each once; at least one
 * @param keywordClips         keyword clips, at least 1
 * @param clipsPerNegativeWord clips of each negative word
 * @param noiseClips           noise-only negative clips in folder {@code noise}
 * @param noiseSeconds         length of each background noise recording, at least 1
 * @param jobs                 parallel TTS processes and mixing threads, at least 1; does not change the output
 * @param findOnPath           finds an engine's executable on the PATH, null when there is none (tests simulate
 *                             missing engines with it)
 */
public record SyntheticCorpus(long seed, String keyword, List<String> negativeWords, List<TtsVoice> voices,
                              int keywordClips, int clipsPerNegativeWord, int noiseClips, int noiseSeconds, int jobs,
                              Function<String, Path> findOnPath) {
    /** Negative words: sound-alikes of "sheila" first, then the Speech Commands core words. */
    public static final List<String> DEFAULT_NEGATIVE_WORDS = List.of(
            "she", "shell", "sheet", "shelf", "sheep", "leila", "lila", "tequila", "sailor", "feel", "deal", "healer",
            "seal", "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go", "seven");

    static final String CONFIG_FILE = ".corpus-config";
    static final String CACHE_DIR = ".tts-cache";
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    /** @throws IllegalArgumentException for invalid words, counts or an empty voice list */
    public SyntheticCorpus {
        requireWord(keyword, "keyword");
        negativeWords = List.copyOf(negativeWords);
        voices = List.copyOf(voices);
        Objects.requireNonNull(findOnPath, "findOnPath");
        Set<String> distinct = new HashSet<>();
        for (String w : negativeWords) {
            requireWord(w, "negative word");
            if (w.equals(keyword) || w.equals(CorpusPlan.NOISE_WORD) || !distinct.add(w)) {
                throw new IllegalArgumentException("negative word '" + w + "' repeats the keyword, 'noise' or another word");
            }
        }
        if (keyword.equals(CorpusPlan.NOISE_WORD)) {
            throw new IllegalArgumentException("'noise' is reserved for noise-only clips");
        }
        if (keywordClips < 1 || clipsPerNegativeWord < 0 || noiseClips < 0) {
            throw new IllegalArgumentException("need >= 1 keyword clip and >= 0 other clips");
        }
        if (noiseSeconds < 1 || jobs < 1) {
            throw new IllegalArgumentException("noiseSeconds and jobs must be >= 1");
        }
        if (voices.isEmpty() || new HashSet<>(voices).size() != voices.size()) {
            throw new IllegalArgumentException("need at least one voice, each once");
        }
    }

    private static void requireWord(String w, String what) {
        if (w == null || !WORD.matcher(w).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters a-z, got '" + w + "'");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default speakers: 8 espeak-ng English accents x 24 voice variants, 4 flite voices, 2 festival diphone
     * voices and the festival HTS voice at 3 vocal-tract warps (201 voices).
     */
    public static List<TtsVoice> defaultVoices() {
        List<TtsVoice> v = new ArrayList<>();
        List<String> accents = List.of("en-gb", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-gb-x-gbclan",
                "en-gb-x-gbcwmd", "en-us-nyc");
        List<String> variants = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5",
                "klatt", "klatt2", "klatt3", "Annie", "Andrea", "belinda", "edward", "grandpa", "linda", "max",
                "steph", "travis");
        for (String a : accents) {
            for (String var : variants) {
                v.add(TtsVoice.espeak(a, var));
            }
        }
        for (String f : List.of("kal16", "awb", "rms", "slt")) {
            v.add(TtsVoice.flite(f));
        }
        v.add(TtsVoice.festival("kal_diphone"));
        v.add(TtsVoice.festival("ked_diphone"));
        for (double alpha : new double[] {0.40, 0.45, 0.50}) {
            v.add(TtsVoice.festivalHts("cmu_us_slt_arctic_hts", alpha));
        }
        return v;
    }

    /** Clips the corpus will hold. */
    public int totalClips() {
        return keywordClips + negativeWords.size() * clipsPerNegativeWord + noiseClips;
    }

    /**
     * Generates (or completes) the corpus in {@code dir}, creating it if needed.
     *
     * @throws IOException if a TTS engine or voice is missing (the message names it and says to run
     *                     scripts/install-deps), if {@code dir} holds something other than a corpus of this
     *                     configuration, or on any engine or IO failure
     */
    public CorpusSummary generate(Path dir, ProgressListener progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        EngineCheck.requireInstalled(voices, findOnPath);
        Files.createDirectories(dir);
        claimDirectory(dir);
        removeStaleTemporaries(dir);

        List<ClipSpec> plan = CorpusPlan.build(this);
        List<ClipSpec> pending = plan.stream().filter(s -> !Files.isRegularFile(dir.resolve(s.relativePath()))).toList();
        Path noiseDir = dir.resolve(SpeechCommandsFolder.BACKGROUND_NOISE);
        List<Integer> missingNoise = new ArrayList<>();
        for (int i = 0; i < BackgroundNoise.NAMES.size(); i++) {
            if (!Files.isRegularFile(noiseFile(noiseDir, i))) {
                missingNoise.add(i);
            }
        }
        TtsSynthesizer synthesizer = new TtsSynthesizer(dir.resolve(CACHE_DIR));
        UtteranceSource words = new UtteranceSource(synthesizer);
        List<TtsRequest> babble = missingNoise.contains(BackgroundNoise.BABBLE_INDEX)
                ? BackgroundNoise.babbleRequests(seed, voices, noiseSeconds) : List.of();

        synthesizer.prefetchFestival(Stream.concat(pending.stream().map(ClipSpec::request), babble.stream()), jobs,
                progress);
        float[][] noises = backgroundNoise(noiseDir, missingNoise, babble, words, progress);
        Parallel.forEach(pending, jobs, "synthesizing clips", progress, spec -> {
            float[] word = spec.request() == null ? null : words.get(spec.request());
            WavFile.write(dir.resolve(spec.relativePath()), ClipMixer.render(spec, word, noises));
        });

        progress.progress("writing manifest", 0, 1);
        Map<String, Integer> perWord = new TreeMap<>();
        Map<String, String> voiceBySpeaker = new TreeMap<>();
        for (ClipSpec s : plan) {
            perWord.merge(s.word(), 1, Integer::sum);
            if (s.request() != null) {
                voiceBySpeaker.put(s.speaker(), s.request().voice().description());
            }
        }
        CorpusManifest.writeCsv(dir, plan);
        CorpusManifest.writeJson(dir, fingerprint(), perWord, voiceBySpeaker);
        Directories.deleteRecursively(synthesizer.cacheDir());
        progress.progress("writing manifest", 1, 1);
        return new CorpusSummary(dir, plan.size(), pending.size(), perWord,
                voices.stream().map(TtsVoice::description).toList());
    }

    /** Generates the missing background recordings, then reads all of them back (so resumed runs mix identical noise). */
    private float[][] backgroundNoise(Path noiseDir, List<Integer> missing, List<TtsRequest> babble,
                                      UtteranceSource words, ProgressListener progress) throws IOException {
        float[][] babbleWords = new float[babble.size()][];
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < babble.size(); i++) {
            indices.add(i);
        }
        Parallel.forEach(indices, jobs, "synthesizing babble", progress, i -> babbleWords[i] = words.load(babble.get(i)));
        Parallel.forEach(missing, jobs, "generating background noise", progress, i -> {
            float[] noise = BackgroundNoise.generate(i, seed, noiseSeconds * WavFile.SAMPLE_RATE, List.of(babbleWords));
            short[] s = new short[noise.length];
            for (int k = 0; k < s.length; k++) {
                s[k] = (short) Math.round(noise[k]);
            }
            WavFile.write(noiseFile(noiseDir, i), s);
        });
        float[][] out = new float[BackgroundNoise.NAMES.size()][];
        for (int i = 0; i < out.length; i++) {
            short[] s = WavFile.read(noiseFile(noiseDir, i));
            out[i] = new float[s.length];
            for (int k = 0; k < s.length; k++) {
                out[i][k] = s[k];
            }
        }
        return out;
    }

    private static Path noiseFile(Path noiseDir, int index) {
        return noiseDir.resolve(BackgroundNoise.NAMES.get(index) + ".wav");
    }

    /** Everything that determines the corpus's content (not how many threads made it). */
    String fingerprint() {
        return "hark-synthetic-corpus/1"
                + " seed=" + seed
                + " keyword=" + keyword
                + " negatives=" + String.join(",", negativeWords)
                + " keywordClips=" + keywordClips
                + " clipsPerNegativeWord=" + clipsPerNegativeWord
                + " noiseClips=" + noiseClips
                + " noiseSeconds=" + noiseSeconds
                + " voices=" + voices.stream().map(TtsVoice::description).collect(Collectors.joining(","));
    }

    /** Marks an empty folder as this corpus's, or checks that a used one already is. */
    private void claimDirectory(Path dir) throws IOException {
        Path config = dir.resolve(CONFIG_FILE);
        if (Files.isRegularFile(config)) {
            if (!Files.readString(config).equals(fingerprint())) {
                throw new IOException(dir + ": holds a synthetic corpus of another configuration; delete it or choose another folder");
            }
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                throw new IOException(dir + ": is not empty and not a synthetic corpus folder; choose an empty or new folder");
            }
        }
        AtomicFiles.writeString(config, fingerprint());
    }

    /** Deletes the hidden temporary files a killed run may have left (they are never complete). */
    private static void removeStaleTemporaries(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Configures a corpus; every setting has a default that gives the project's standard corpus. */
    public static final class Builder {
        private long seed = 1;
        private String keyword = "sheila";
        private List<String> negativeWords = List.of();
        private boolean negativeWordsGiven;
        private List<TtsVoice> voices = defaultVoices();
        private int keywordClips = 850;
        private int clipsPerNegativeWord = 110;
        private int noiseClips = 160;
        private int noiseSeconds = 10;
        private int jobs = 2;
        private Function<String, Path> findOnPath = name -> Executables.find(name).orElse(null);

        private Builder() {
        }

        /** Master seed of every random choice (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The positive word (default "sheila"); lower-case letters only. */
        public Builder keyword(String keyword) {
            this.keyword = keyword;
            return this;
        }

        /**
         * Negative words; lower-case letters only, distinct, not the keyword. Default: {@link #DEFAULT_NEGATIVE_WORDS}
         * without the keyword (so e.g. keyword "yes" works with the defaults).
         */
        public Builder negativeWords(List<String> words) {
            this.negativeWords = List.copyOf(words);
            this.negativeWordsGiven = true;
            return this;
        }

        /** Speakers (default {@link #defaultVoices()}). */
        public Builder voices(List<TtsVoice> voices) {
            this.voices = List.copyOf(voices);
            return this;
        }

        /** Keyword clips (default 850). */
        public Builder keywordClips(int n) {
            this.keywordClips = n;
            return this;
        }

        /** Clips of each negative word (default 110). */
        public Builder clipsPerNegativeWord(int n) {
            this.clipsPerNegativeWord = n;
            return this;
        }

        /** Noise-only negative clips in folder {@code noise} (default 160). */
        public Builder noiseClips(int n) {
            this.noiseClips = n;
            return this;
        }

        /** Length of each background noise recording (default 10 s). */
        public Builder noiseSeconds(int seconds) {
            this.noiseSeconds = seconds;
            return this;
        }

        /** Parallel TTS processes and mixing threads (default 2); does not change the output. */
        public Builder jobs(int jobs) {
            this.jobs = jobs;
            return this;
        }

        /** Replaces the PATH lookup of engine executables (tests simulate missing engines with it). */
        Builder findOnPath(Function<String, Path> lookup) {
            this.findOnPath = lookup;
            return this;
        }

        /** @throws IllegalArgumentException for invalid words, counts or an empty voice list */
        public SyntheticCorpus build() {
            List<String> negatives = negativeWordsGiven ? negativeWords
                    : DEFAULT_NEGATIVE_WORDS.stream().filter(w -> !w.equals(keyword)).toList();
            return new SyntheticCorpus(seed, keyword, negatives, voices, keywordClips, clipsPerNegativeWord,
                    noiseClips, noiseSeconds, jobs, findOnPath);
        }
    }
}
