package dev.hark.trainer.eval;

import dev.hark.sim.detect.DetectionSettings;
import java.util.List;

/**
 * The streaming check of the background document: nine clips glued together, only the middle (fifth) one holds
 * the keyword, listened to by a streaming network with its detector. A correct detector's score peaks once,
 * while or just after the keyword is heard, and the detector fires once, a hit by the stream's matching rule.
 *
 * @param listening the scores and detections
 * @param keyword   where the keyword clip is in the glued audio
 * @param seconds   the glued audio's length
 * @param rule      how the detections were matched
 * @param counts    the detections matched with the keyword: 1 hit and 0 false alarms for a correct detector
 */
public record NineClipCheck(Listening listening, KeywordOccurrence keyword, double seconds, MatchingRule rule,
                            MatchingRule.Counts counts) {
    public static final int CLIPS = 9;
    public static final int KEYWORD_INDEX = 4;

    /**
     * @param clips    nine clips (16 kHz), the fifth holding the keyword, the others not
     * @param model    a listening network (reset first)
     * @param policy   how its state is treated
     * @param settings the detector's settings
     * @param rule     how detections are matched with the keyword
     * @throws IllegalArgumentException if there are not nine clips
     */
    public static NineClipCheck run(List<short[]> clips, StreamingModel model, StatePolicy policy,
                                    DetectionSettings settings, MatchingRule rule) {
        if (clips.size() != CLIPS) {
            throw new IllegalArgumentException("nine-clip check: expected " + CLIPS + " clips, got " + clips.size());
        }
        int total = clips.stream().mapToInt(c -> c.length).sum();
        short[] glued = new short[total];
        int at = 0;
        KeywordOccurrence keyword = null;
        for (int i = 0; i < CLIPS; i++) {
            short[] c = clips.get(i);
            if (i == KEYWORD_INDEX) {
                keyword = new KeywordOccurrence(at, at + c.length);
            }
            System.arraycopy(c, 0, glued, at, c.length);
            at += c.length;
        }
        Listening listening = Listener.listen(model, StreamFeatures.of(glued), policy, settings);
        KeywordStream stream = new KeywordStream(glued, List.of(keyword), CLIPS - 1, 0, 0);
        return new NineClipCheck(listening, keyword, stream.seconds(), rule,
                rule.match(listening.detectionSeconds(), stream.keywords()));
    }

    /** Step times in seconds from the start of the glued audio, one per score. */
    public double[] stepSeconds() {
        double[] t = new double[listening.steps()];
        for (int i = 0; i < t.length; i++) {
            t[i] = listening.stepSecond(i);
        }
        return t;
    }

    /** The step with the highest score (the first, on ties). */
    public int peakStep() {
        int[] p = listening.scores();
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Whether the highest score comes while the keyword can be matched: from its start to its end plus the
     * rule's tolerance (a streaming network answers after hearing the word).
     */
    public boolean peakInKeywordWindow() {
        double t = listening.stepSecond(peakStep());
        return t >= keyword.startSecond() && t <= keyword.endSecond() + rule.toleranceSeconds();
    }
}
