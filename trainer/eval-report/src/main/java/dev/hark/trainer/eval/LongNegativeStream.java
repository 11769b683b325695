package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds a long negative stream by gluing negative clips and background-noise excerpts end to end.
 *
 * <p>Pieces are drawn in rounds: every negative clip once, in a fresh seeded random order each round, with a
 * noise excerpt of 1 to 3 seconds (random recording, random offset) after every {@value #CLIPS_PER_NOISE}th
 * clip. Each piece fades in and out over 10 ms so the joins do not add clicks that real audio would not have.
 * The same inputs and seed give the same samples. When the stream is longer than the clips, clips repeat
 * (in another order and context); the alarms on repeats are not independent, which docs/metrics.md notes.
 */
public final class LongNegativeStream {
    /** One noise excerpt after this many clips. */
    public static final int CLIPS_PER_NOISE = 4;
    /** The usual length: one hour. */
    public static final double ONE_HOUR_SECONDS = 3600;
    private static final int FADE_SAMPLES = FrontendConfig.HOP_SAMPLES;

    private LongNegativeStream() {
    }

    /**
     * @param negativeClips clips without the keyword (any length each, 16 kHz)
     * @param noise         background recordings (any length); may be empty
     * @param minSeconds    the stream is at least this long (positive)
     * @param seed          fixes the order, the excerpts and therefore every sample
     * @throws IllegalArgumentException if there are no clips and no noise, or minSeconds is not positive
     */
    public static NegativeStream build(List<short[]> negativeClips, List<short[]> noise, double minSeconds,
                                       long seed) {
        List<short[]> clips = negativeClips.stream().filter(c -> c.length > 0).toList();
        List<short[]> noises = noise.stream().filter(n -> n.length > 0).toList();
        if (clips.isEmpty() && noises.isEmpty()) {
            throw new IllegalArgumentException("negative stream: no negative clips and no noise to build it from");
        }
        if (!(minSeconds > 0)) {
            throw new IllegalArgumentException("negative stream: length must be positive, got " + minSeconds + " s");
        }
        long needed = (long) Math.ceil(minSeconds * FrontendConfig.SAMPLE_RATE_HZ);
        if (needed > Integer.MAX_VALUE - 10 * FrontendConfig.SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("negative stream: " + minSeconds + " s does not fit one array");
        }
        Random random = new Random(seed);
        short[] out = new short[(int) needed + 4 * FrontendConfig.SAMPLE_RATE_HZ];
        int length = 0;
        int clipPieces = 0;
        int noisePieces = 0;
        List<Integer> order = new ArrayList<>();
        int next = 0;
        int clipsSinceNoise = 0;
        while (length < needed) {
            boolean noiseTurn = !noises.isEmpty() && (clips.isEmpty() || clipsSinceNoise == CLIPS_PER_NOISE);
            short[] piece;
            if (noiseTurn) {
                piece = excerpt(noises.get(random.nextInt(noises.size())), random);
                noisePieces++;
                clipsSinceNoise = 0;
            } else {
                if (next == order.size()) {
                    order.clear();
                    for (int i = 0; i < clips.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, random);
                    next = 0;
                }
                piece = clips.get(order.get(next++));
                clipPieces++;
                clipsSinceNoise++;
            }
            int n = Math.min(piece.length, out.length - length);
            copyFaded(piece, n, out, length);
            length += n;
        }
        short[] exact = new short[length];
        System.arraycopy(out, 0, exact, 0, length);
        return new NegativeStream(exact, clipPieces, noisePieces);
    }

    /** 1 to 3 seconds from a random offset (the whole recording if it is shorter). */
    private static short[] excerpt(short[] recording, Random random) {
        int want = FrontendConfig.SAMPLE_RATE_HZ * (1 + random.nextInt(3));
        int n = Math.min(want, recording.length);
        int start = recording.length == n ? 0 : random.nextInt(recording.length - n + 1);
        short[] e = new short[n];
        System.arraycopy(recording, start, e, 0, n);
        return e;
    }

    private static void copyFaded(short[] piece, int n, short[] out, int at) {
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
