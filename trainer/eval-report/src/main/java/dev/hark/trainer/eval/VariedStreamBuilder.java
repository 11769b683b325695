package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.augment.Augmenter;
import dev.hark.trainer.augment.ClipRandom;
import dev.hark.trainer.augment.NoiseBank;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds streams in which no two pieces are the same samples: held-out word clips, excerpts of held-out background
 * recordings and (optionally) synthetic sentences, each occurrence varied on its own by the training augmentation's
 * own code ({@link Augmenter}, with {@link #VARIATION}: speed, shift, noise from the held-out portions of the
 * background recordings at a random SNR, gain, every one always applied) after a random crop (word clips: up to a
 * fifth off each end; background: 1 to 3 s from a random offset). Keywords (whole clips, varied alike) go in at the
 * first join after a gap of {@value KeywordStreamBuilder#MIN_KEYWORD_GAP_SECONDS} to
 * {@value KeywordStreamBuilder#MAX_KEYWORD_GAP_SECONDS} s of negative audio, as in {@link KeywordStreamBuilder}, or
 * of another range (training sequences of a few seconds want keywords closer together).
 *
 * <p>Between keywords the kind of the next piece is the one furthest behind its share of the stream's time
 * ({@link #BACKGROUND_SHARE}, {@link #SPEECH_SHARE}, word clips the rest); within a kind, sources are used in rounds,
 * each once per round in a fresh random order. Every choice comes from SplitMix64 streams keyed by the seed and the
 * stream's number ({@link ClipRandom}), so stream {@code n} of a seed is the same samples on every machine, and
 * streams of one seed differ.
 */
public final class VariedStreamBuilder {
    /** How every piece is varied: each transform always, over these ranges. */
    public static final AugmentationConfig VARIATION = new AugmentationConfig(1.0, 0.9, 1.1, 1.0, 100, 1.0, 10, 30,
            1.0, -10, 6);
    /** The share of a stream's time given to background excerpts. */
    public static final double BACKGROUND_SHARE = 0.2;
    /** The share given to synthetic speech, when there is any. */
    public static final double SPEECH_SHARE = 0.2;
    /** Up to this fraction of a word clip may be cropped off each end. */
    static final double MAX_CROP_FRACTION = 0.2;
    private static final int RATE = FrontendConfig.SAMPLE_RATE_HZ;

    /**
     * The held-out audio of one split.
     *
     * @param keywords   clips of the keyword; none gives streams for false alarms alone
     * @param words      clips of other words
     * @param background background recordings (the split's portion of each)
     * @param speech     synthetic sentences; may be empty
     */
    public record Material(List<StreamSource> keywords, List<StreamSource> words, List<StreamSource> background,
                           List<StreamSource> speech) {
        /** @throws IllegalArgumentException if there is no negative audio at all */
        public Material {
            keywords = List.copyOf(keywords);
            words = List.copyOf(words);
            background = List.copyOf(background);
            speech = List.copyOf(speech);
            if (words.isEmpty() && background.isEmpty() && speech.isEmpty()) {
                throw new IllegalArgumentException("varied stream: no word clips, background or speech to build it "
                        + "from");
            }
        }
    }

    private final Material material;
    private final Augmenter augmenter;
    private final long seed;
    private final double minGapSeconds;
    private final double maxGapSeconds;

    /**
     * @param material what the streams are made of
     * @param noise    the noise mixed under every piece (the held-out portions of the background recordings)
     * @param seed     fixes every choice
     */
    public VariedStreamBuilder(Material material, NoiseBank noise, long seed) {
        this(material, noise, seed, KeywordStreamBuilder.MIN_KEYWORD_GAP_SECONDS,
                KeywordStreamBuilder.MAX_KEYWORD_GAP_SECONDS);
    }

    /**
     * Streams whose keywords follow gaps of {@code minGapSeconds} to {@code maxGapSeconds} of negative audio.
     *
     * @throws IllegalArgumentException if the range is empty or not positive
     */
    public VariedStreamBuilder(Material material, NoiseBank noise, long seed, double minGapSeconds,
                               double maxGapSeconds) {
        if (!(minGapSeconds > 0) || !(maxGapSeconds >= minGapSeconds) || Double.isInfinite(maxGapSeconds)) {
            throw new IllegalArgumentException("varied stream: keyword gaps of " + minGapSeconds + " to "
                    + maxGapSeconds + " s");
        }
        this.material = material;
        this.augmenter = new Augmenter(VARIATION, noise, seed);
        this.seed = seed;
        this.minGapSeconds = minGapSeconds;
        this.maxGapSeconds = maxGapSeconds;
    }

    /**
     * Stream number {@code stream} (0, 1, ...) of this seed, at least {@code minSeconds} long.
     *
     * @throws IllegalArgumentException if the number is negative or the length not positive
     */
    public VariedStream build(int stream, double minSeconds) {
        return build(stream, minSeconds, false);
    }

    /**
     * Stream number {@code stream} in which every keyword clip of the material is heard exactly once (varied), in a
     * random order, at the usual gaps: at least {@code minSeconds} long, and longer when the keywords need it; after
     * the last keyword only negative audio follows. Counted over such streams, each keyword clip is one trial.
     *
     * @throws IllegalArgumentException if the number is negative or the length not positive
     */
    public VariedStream buildHearingEachKeywordOnce(int stream, double minSeconds) {
        return build(stream, minSeconds, true);
    }

    private VariedStream build(int stream, double minSeconds, boolean eachKeywordOnce) {
        if (stream < 0 || !(minSeconds > 0)) {
            throw new IllegalArgumentException("varied stream: stream " + stream + " of " + minSeconds + " s");
        }
        ClipRandom random = ClipRandom.named("hark-varied-stream/1:" + seed + ":" + stream);
        List<List<StreamSource>> kinds = List.of(material.words(), material.background(), material.speech());
        double[] shares = shares();
        long[] samplesOfKind = new long[kinds.size()];
        List<Rounds> rounds = kinds.stream().map(k -> new Rounds(k.size())).toList();
        Rounds keywordRounds = new Rounds(material.keywords().size());
        long needed = (long) Math.ceil(minSeconds * RATE);
        long capacity = needed + longestPiece();
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("varied stream: " + minSeconds + " s does not fit one array");
        }
        short[] out = new short[(int) capacity];
        int length = 0;
        int piece = 0;
        List<StreamStretch> stretches = new ArrayList<>();
        List<KeywordOccurrence> keywords = new ArrayList<>();
        long nextKeywordAt = material.keywords().isEmpty() ? Long.MAX_VALUE : length + gap(random);
        int keywordsLeft = eachKeywordOnce ? material.keywords().size() : 0;
        while (length < needed || keywordsLeft > 0) {
            StreamSource source;
            short[] raw;
            boolean keyword = length >= nextKeywordAt;
            if (keyword) {
                source = material.keywords().get(keywordRounds.next(random));
                raw = source.samples();
            } else {
                int kind = furthestBehind(shares, samplesOfKind);
                source = kinds.get(kind).get(rounds.get(kind).next(random));
                raw = kind == 0 ? crop(source.samples(), random) : kind == 1 ? excerpt(source.samples(), random)
                        : source.samples();
                samplesOfKind[kind] += raw.length;
            }
            short[] varied = augmenter.augment(raw, piece++, stream);
            if (length + varied.length > out.length) { // only when the keywords outlast the length asked for
                if ((long) length + varied.length > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("varied stream: " + material.keywords().size()
                            + " keywords do not fit one array");
                }
                out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8,
                        Math.max(2L * out.length, (long) length + varied.length)));
            }
            KeywordStreamBuilder.copyFaded(varied, out, length);
            stretches.add(new StreamStretch(length, length + varied.length, source.id(), source.label(), keyword));
            if (keyword) {
                keywords.add(new KeywordOccurrence(length, length + varied.length));
                nextKeywordAt = length + varied.length + gap(random);
                if (eachKeywordOnce && --keywordsLeft == 0) {
                    nextKeywordAt = Long.MAX_VALUE;
                }
            }
            length += varied.length;
        }
        return new VariedStream(Arrays.copyOf(out, length), keywords, stretches);
    }

    /** Target shares of stream time: word clips, background, speech (kinds without sources get none). */
    private double[] shares() {
        double speech = material.speech().isEmpty() ? 0 : SPEECH_SHARE;
        double background = material.background().isEmpty() ? 0 : BACKGROUND_SHARE;
        double words = material.words().isEmpty() ? 0 : 1 - speech - background;
        return new double[] {words, background, speech};
    }

    /** The kind whose time lags its share the most; the first of equals. */
    private static int furthestBehind(double[] shares, long[] samples) {
        long total = Arrays.stream(samples).sum();
        int best = -1;
        double bestLag = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < shares.length; k++) {
            double lag = shares[k] * (total + 1) - samples[k];
            if (shares[k] > 0 && lag > bestLag) {
                best = k;
                bestLag = lag;
            }
        }
        return best;
    }

    private long longestPiece() {
        return java.util.stream.Stream.of(material.keywords(), material.words(), material.background(),
                material.speech()).flatMap(List::stream).mapToLong(s -> s.samples().length).max().orElse(0);
    }

    private long gap(ClipRandom random) {
        return Math.round(random.uniform(minGapSeconds, maxGapSeconds) * RATE);
    }

    /** A clip with up to {@link #MAX_CROP_FRACTION} of its length cut off each end. */
    static short[] crop(short[] clip, ClipRandom random) {
        int most = (int) (clip.length * MAX_CROP_FRACTION);
        int from = random.nextInt(most + 1);
        int to = clip.length - random.nextInt(most + 1);
        return Arrays.copyOfRange(clip, from, to);
    }

    /** 1 to 3 seconds from a random offset (the whole recording if it is shorter). */
    static short[] excerpt(short[] recording, ClipRandom random) {
        int n = Math.min(RATE * (1 + random.nextInt(3)), recording.length);
        int start = random.nextInt(recording.length - n + 1);
        return Arrays.copyOfRange(recording, start, start + n);
    }

    /** Indices {@code 0 .. n-1}, each once per round, in a fresh random order each round. */
    private static final class Rounds {
        private final int[] order;
        private int next;

        Rounds(int size) {
            order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            next = size;
        }

        int next(ClipRandom random) {
            if (next == order.length) {
                for (int i = order.length - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                next = 0;
            }
            return order[next++];
        }
    }
}
