package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds a {@link KeywordStream}: negative clips and background-noise excerpts end to end, and keyword clips
 * between them at random gaps, every piece whole.
 *
 * <p>Negative clips are drawn in rounds: every clip once, in a fresh seeded random order each round, with a noise
 * excerpt of 1 to 3 seconds (random recording, random offset) after every {@value #CLIPS_PER_NOISE}th clip. Keyword
 * clips are drawn in rounds of their own; one is inserted at the first join after a gap of negative material
 * drawn uniformly between the minimum and maximum gap (by default {@value #MIN_KEYWORD_GAP_SECONDS} to
 * {@value #MAX_KEYWORD_GAP_SECONDS} s, so an hour holds about 190 keywords), and its place is recorded. Each piece
 * fades in and out over 10 ms so the joins do not add clicks that real audio would not have. The same inputs and
 * seed give the same samples. When the stream is longer than the material, clips repeat (in another order and
 * context); detections on repeats are not independent, which docs/metrics.md notes.
 */
public final class KeywordStreamBuilder {
    /** One noise excerpt after this many negative clips. */
    public static final int CLIPS_PER_NOISE = 4;
    /** The usual length: one hour. */
    public static final double ONE_HOUR_SECONDS = 3600;
    /** The shortest stretch of negative material between two keywords. */
    public static final double MIN_KEYWORD_GAP_SECONDS = 12;
    /** The longest stretch of negative material drawn between two keywords (it may end a piece later). */
    public static final double MAX_KEYWORD_GAP_SECONDS = 24;
    private static final int FADE_SAMPLES = FrontendConfig.HOP_SAMPLES;
    private static final int RATE = FrontendConfig.SAMPLE_RATE_HZ;
    private static final int LONGEST_NOISE_SAMPLES = 3 * RATE;

    private KeywordStreamBuilder() {
    }

    /** {@link #build(List, List, List, double, double, double, long)} with the default keyword gaps. */
    public static KeywordStream build(List<short[]> keywordClips, List<short[]> negativeClips, List<short[]> noise,
                                      double minSeconds, long seed) {
        return build(keywordClips, negativeClips, noise, minSeconds, MIN_KEYWORD_GAP_SECONDS,
                MAX_KEYWORD_GAP_SECONDS, seed);
    }

    /**
     * @param keywordClips  clips holding the keyword (16 kHz); none gives a stream for false alarms alone
     * @param negativeClips clips without the keyword (any length each)
     * @param noise         background recordings (any length); may be empty
     * @param minSeconds    the stream is at least this long (positive); it ends with the piece that reaches it
     * @param minGapSeconds the least negative audio between keywords (and before the first), at least 0
     * @param maxGapSeconds the most drawn, at least {@code minGapSeconds}
     * @param seed          fixes the order, the gaps, the excerpts and therefore every sample
     * @throws IllegalArgumentException if there are no negative clips and no noise, or a length is out of range
     */
    public static KeywordStream build(List<short[]> keywordClips, List<short[]> negativeClips, List<short[]> noise,
                                      double minSeconds, double minGapSeconds, double maxGapSeconds, long seed) {
        List<short[]> keywords = nonEmpty(keywordClips);
        List<short[]> clips = nonEmpty(negativeClips);
        List<short[]> noises = nonEmpty(noise);
        if (clips.isEmpty() && noises.isEmpty()) {
            throw new IllegalArgumentException("keyword stream: no negative clips and no noise to build it from");
        }
        if (!(minSeconds > 0)) {
            throw new IllegalArgumentException("keyword stream: length must be positive, got " + minSeconds + " s");
        }
        if (!(minGapSeconds >= 0) || !(maxGapSeconds >= minGapSeconds)) {
            throw new IllegalArgumentException("keyword stream: gaps of " + minGapSeconds + " to " + maxGapSeconds
                    + " s between keywords");
        }
        long needed = (long) Math.ceil(minSeconds * RATE);
        long capacity = needed + longest(clips) + longest(keywords) + LONGEST_NOISE_SAMPLES;
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("keyword stream: " + minSeconds + " s does not fit one array");
        }
        Random random = new Random(seed);
        short[] out = new short[(int) capacity];
        int length = 0;
        int negativePieces = 0;
        int noisePieces = 0;
        List<KeywordOccurrence> occurrences = new ArrayList<>();
        Rounds negativeRounds = new Rounds(clips.size());
        Rounds keywordRounds = new Rounds(keywords.size());
        int clipsSinceNoise = 0;
        int nextKeywordAt = keywords.isEmpty() ? Integer.MAX_VALUE : gap(random, minGapSeconds, maxGapSeconds);
        while (length < needed) {
            if (length >= nextKeywordAt) {
                short[] keyword = keywords.get(keywordRounds.next(random));
                copyFaded(keyword, out, length);
                occurrences.add(new KeywordOccurrence(length, length + keyword.length));
                length += keyword.length;
                nextKeywordAt = length + gap(random, minGapSeconds, maxGapSeconds);
                continue;
            }
            boolean noiseTurn = !noises.isEmpty() && (clips.isEmpty() || clipsSinceNoise == CLIPS_PER_NOISE);
            short[] piece;
            if (noiseTurn) {
                piece = excerpt(noises.get(random.nextInt(noises.size())), random);
                noisePieces++;
                clipsSinceNoise = 0;
            } else {
                piece = clips.get(negativeRounds.next(random));
                negativePieces++;
                clipsSinceNoise++;
            }
            copyFaded(piece, out, length);
            length += piece.length;
        }
        short[] exact = new short[length];
        System.arraycopy(out, 0, exact, 0, length);
        return new KeywordStream(exact, occurrences, negativePieces, noisePieces, seed);
    }

    /** Indices {@code 0 .. n-1}, each once per round, in a fresh random order each round. */
    private static final class Rounds {
        private final List<Integer> order = new ArrayList<>();
        private final int size;
        private int next;

        Rounds(int size) {
            this.size = size;
        }

        int next(Random random) {
            if (next == order.size()) {
                order.clear();
                for (int i = 0; i < size; i++) {
                    order.add(i);
                }
                Collections.shuffle(order, random);
                next = 0;
            }
            return order.get(next++);
        }
    }

    private static int gap(Random random, double minSeconds, double maxSeconds) {
        return (int) Math.round((minSeconds + random.nextDouble() * (maxSeconds - minSeconds)) * RATE);
    }

    private static List<short[]> nonEmpty(List<short[]> pieces) {
        return pieces.stream().filter(p -> p.length > 0).toList();
    }

    private static long longest(List<short[]> pieces) {
        return pieces.stream().mapToLong(p -> p.length).max().orElse(0);
    }

    /** 1 to 3 seconds from a random offset (the whole recording if it is shorter). */
    private static short[] excerpt(short[] recording, Random random) {
        int want = RATE * (1 + random.nextInt(3));
        int n = Math.min(want, recording.length);
        int start = recording.length == n ? 0 : random.nextInt(recording.length - n + 1);
        short[] e = new short[n];
        System.arraycopy(recording, start, e, 0, n);
        return e;
    }

    /** Copies {@code piece} into {@code out} at {@code at}, fading its first and last 10 ms in and out. */
    static void copyFaded(short[] piece, short[] out, int at) {
        int n = piece.length;
        int fade = Math.min(FADE_SAMPLES, n / 2);
        for (int i = 0; i < n; i++) {
            double gain = 1;
            if (i < fade) {
                gain = (i + 0.5) / fade;
            } else if (i >= n - fade) {
                gain = (n - i - 0.5) / fade;
            }
            out[at + i] = (short) Math.round(piece[i] * gain);
        }
    }
}
