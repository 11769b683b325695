package dev.hark.trainer.eval;

import dev.hark.sim.Checks;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.LogMelFrontend;
import java.util.stream.IntStream;

/**
 * Scores a long recording in streaming fashion: a whole-clip network applied to a sliding 1-second window
 * every {@code hopFrames} frames, as a device would run it.
 *
 * <p>The front end's frames are independent (frame {@code f} reads the 400 samples centred on sample
 * {@code 160 f}), so the stream's features are computed once, exactly as {@link LogMelFrontend#compute} would
 * for the whole stream, and window {@code i} is simply frames {@code [i hop, i hop + 101)}. Features and
 * windows are computed in parallel (a front end per thread; scorers are thread-safe).
 */
public final class StreamingScorer {
    /** Frames per window: one second. */
    public static final int WINDOW_FRAMES = 101;
    /** The default hop: 10 frames = 100 ms. */
    public static final int DEFAULT_HOP_FRAMES = 10;
    private static final int MELS = FrontendConfig.MEL_BINS;
    private static final int FRAMES_PER_TASK = 1000;

    private StreamingScorer() {
    }

    /**
     * The int8 features of a whole stream, identical to {@code new LogMelFrontend().compute(samples)}.
     *
     * @return {@code LogMelFrontend.frameCount(samples.length) * 40} codes, {@code [frame][mel]}
     */
    public static byte[] features(short[] samples) {
        int frames = LogMelFrontend.frameCount(samples.length);
        byte[] out = new byte[frames * MELS];
        int tasks = (frames + FRAMES_PER_TASK - 1) / FRAMES_PER_TASK;
        IntStream.range(0, tasks).parallel().forEach(task -> {
            LogMelFrontend frontend = new LogMelFrontend();
            short[] edge = new short[FrontendConfig.WINDOW_SAMPLES];
            int end = Math.min(frames, (task + 1) * FRAMES_PER_TASK);
            for (int f = task * FRAMES_PER_TASK; f < end; f++) {
                int start = f * FrontendConfig.HOP_SAMPLES - FrontendConfig.PAD_SAMPLES;
                if (start >= 0 && start + FrontendConfig.WINDOW_SAMPLES <= samples.length) {
                    frontend.computeFrame(samples, start, out, f * MELS);
                } else {
                    // The first and last frames reach into the zero padding around the stream.
                    java.util.Arrays.fill(edge, (short) 0);
                    for (int i = 0; i < edge.length; i++) {
                        int s = start + i;
                        if (s >= 0 && s < samples.length) {
                            edge[i] = samples[s];
                        }
                    }
                    frontend.computeFrame(edge, 0, out, f * MELS);
                }
            }
        });
        return out;
    }

    /** Features of {@code samples} (see {@link #features}), then {@link #score(byte[], double, WindowScorer, int)}. */
    public static StreamScores score(short[] samples, WindowScorer scorer, int hopFrames) {
        return score(features(samples), samples.length / (double) FrontendConfig.SAMPLE_RATE_HZ, scorer, hopFrames);
    }

    /**
     * @param features  a stream's features {@code [frames][40]}, at least 101 frames
     * @param seconds   the length of the audio they came from
     * @param scorer    scores one window
     * @param hopFrames frames between windows, positive
     * @return one score per window; windows that would run past the last frame are not scored
     * @throws IllegalArgumentException if the features are not whole frames or shorter than one window
     */
    public static StreamScores score(byte[] features, double seconds, WindowScorer scorer, int hopFrames) {
        Checks.positive("streaming: hop", hopFrames);
        if (features.length % MELS != 0 || features.length / MELS < WINDOW_FRAMES) {
            throw new IllegalArgumentException("streaming: " + features.length + " feature codes are not at least "
                    + WINDOW_FRAMES + " whole frames of " + MELS);
        }
        int frames = features.length / MELS;
        int windows = (frames - WINDOW_FRAMES) / hopFrames + 1;
        float[] scores = new float[windows];
        IntStream.range(0, windows).parallel().forEach(i -> {
            byte[] window = new byte[WINDOW_FRAMES * MELS];
            System.arraycopy(features, i * hopFrames * MELS, window, 0, window.length);
            scores[i] = scorer.score(window);
        });
        return new StreamScores(scores, hopFrames, WINDOW_FRAMES, seconds);
    }
}
