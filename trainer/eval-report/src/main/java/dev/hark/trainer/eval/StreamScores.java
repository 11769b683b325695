package dev.hark.trainer.eval;

/**
 * Keyword scores of sliding windows over a stream.
 *
 * <p>Window {@code i} covers frames {@code [i hop, i hop + windowFrames)}; frame {@code f} is centred on second
 * {@code f / 100}, so the window's centre is at second {@code (i hop + (windowFrames - 1) / 2) / 100}.
 *
 * @param scores       one keyword probability per window, in time order
 * @param hopFrames    frames between consecutive windows (10 = 100 ms)
 * @param windowFrames frames per window (101 = 1 s)
 * @param seconds      the length of the scored audio
 */
public record StreamScores(float[] scores, int hopFrames, int windowFrames, double seconds) {
    /** Frames per second of the front end (10 ms hop). */
    public static final double FRAMES_PER_SECOND = 100.0;

    /** @throws IllegalArgumentException if the hop or window is not positive or the length is negative */
    public StreamScores {
        if (hopFrames <= 0 || windowFrames <= 0 || !(seconds >= 0)) {
            throw new IllegalArgumentException("stream scores: hop " + hopFrames + ", window " + windowFrames
                    + " and length " + seconds + " s must be positive");
        }
    }

    public int windows() {
        return scores.length;
    }

    public double hours() {
        return seconds / 3600;
    }

    /** Seconds between consecutive windows. */
    public double hopSeconds() {
        return hopFrames / FRAMES_PER_SECOND;
    }

    /** The centre of window {@code i}, in seconds from the start of the stream. */
    public double centreSecond(int i) {
        return (i * (double) hopFrames + (windowFrames - 1) / 2.0) / FRAMES_PER_SECOND;
    }
}
