package dev.hark.trainer.data;

import java.util.Arrays;

/**
 * Cuts the silence TTS engines put before and after a word, so the corpus can place the word itself.
 * Works on 10 ms frames: a frame is speech when its RMS is within {@value #THRESHOLD_DB} dB of the loudest
 * frame; everything from the first to the last speech frame is kept, plus one frame of margin each side
 * (to keep soft onsets such as the "sh" of "sheila").
 */
public final class SpeechTrimmer {
    static final int FRAME = 160; // 10 ms at 16 kHz
    static final double THRESHOLD_DB = -40.0;

    private SpeechTrimmer() {
    }

    /** The trimmed audio; empty if the input holds no signal at all. */
    static float[] trim(float[] audio) {
        int[] bounds = speechBounds(audio);
        return bounds == null ? new float[0] : Arrays.copyOfRange(audio, bounds[0], bounds[1]);
    }

    /**
     * Where the speech is: {@code {from, to}} (sample indices, {@code to} exclusive) of what {@link #trim} keeps;
     * null if the input holds no signal at all.
     */
    public static int[] speechBounds(float[] audio) {
        int frames = (audio.length + FRAME - 1) / FRAME;
        double[] rms = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            int from = f * FRAME;
            int to = Math.min(audio.length, from + FRAME);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += (double) audio[i] * audio[i];
            }
            rms[f] = Math.sqrt(sum / (to - from));
            max = Math.max(max, rms[f]);
        }
        if (max <= 0) {
            return null;
        }
        double threshold = max * StrictMath.pow(10, THRESHOLD_DB / 20);
        int first = 0;
        while (rms[first] < threshold) {
            first++;
        }
        int last = frames - 1;
        while (rms[last] < threshold) {
            last--;
        }
        int from = Math.max(0, (first - 1) * FRAME);
        int to = Math.min(audio.length, (last + 2) * FRAME);
        return new int[] {from, to};
    }
}
