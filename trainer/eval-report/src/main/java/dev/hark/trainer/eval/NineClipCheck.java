package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import java.util.List;

/**
 * The streaming check of the background document: nine clips glued together, only the middle (fifth) one
 * holds the keyword, scored in streaming fashion. A correct detector's score over time shows a single peak
 * over the middle clip.
 *
 * @param scores             the window scores (centres via {@link StreamScores#centreSecond})
 * @param keywordStartSecond where the middle clip starts in the glued audio
 * @param keywordEndSecond   where it ends
 */
public record NineClipCheck(StreamScores scores, double keywordStartSecond, double keywordEndSecond) {
    public static final int CLIPS = 9;
    public static final int KEYWORD_INDEX = 4;

    /**
     * @param clips     nine clips (16 kHz), the fifth holding the keyword, the others not
     * @param scorer    scores one window
     * @param hopFrames frames between windows (1 gives a smooth curve; 10 is the device's 100 ms)
     * @throws IllegalArgumentException if there are not nine clips
     */
    public static NineClipCheck run(List<short[]> clips, WindowScorer scorer, int hopFrames) {
        if (clips.size() != CLIPS) {
            throw new IllegalArgumentException("nine-clip check: expected " + CLIPS + " clips, got " + clips.size());
        }
        int total = clips.stream().mapToInt(c -> c.length).sum();
        short[] glued = new short[total];
        int at = 0;
        int keywordStart = 0;
        int keywordEnd = 0;
        for (int i = 0; i < CLIPS; i++) {
            short[] c = clips.get(i);
            if (i == KEYWORD_INDEX) {
                keywordStart = at;
                keywordEnd = at + c.length;
            }
            System.arraycopy(c, 0, glued, at, c.length);
            at += c.length;
        }
        double rate = FrontendConfig.SAMPLE_RATE_HZ;
        return new NineClipCheck(StreamingScorer.score(glued, scorer, hopFrames), keywordStart / rate,
                keywordEnd / rate);
    }

    /** Window-centre times in seconds, one per score. */
    public double[] seconds() {
        double[] t = new double[scores.windows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = scores.centreSecond(i);
        }
        return t;
    }

    /** The index of the highest score (the first, on ties). */
    public int peakIndex() {
        float[] s = scores.scores();
        int best = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] > s[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the highest score's window is centred over the keyword clip. */
    public boolean peakOverKeyword() {
        double t = scores.centreSecond(peakIndex());
        return t >= keywordStartSecond && t <= keywordEndSecond;
    }

    /** Alarms over the whole glued audio at {@code threshold} (1 s refractory): 1 for a correct detector. */
    public int alarms(float threshold) {
        return FalseAlarmCounter.count(scores, threshold, FalseAlarmCounter.DEFAULT_REFRACTORY_SECONDS);
    }
}
