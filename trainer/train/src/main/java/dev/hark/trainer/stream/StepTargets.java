package dev.hark.trainer.stream;

import dev.hark.trainer.eval.KeywordOccurrence;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.StreamTime;
import java.util.List;

/**
 * What a listening network should answer at each step of a stream it is trained on. A step happens when its last
 * frame is complete ({@link StreamTime}). The keyword is the answer while the attention window has just heard the
 * whole keyword clip: from {@value #KEYWORD_FROM_END_SECONDS} s before the clip's end to
 * {@value #KEYWORD_AFTER_END_SECONDS} s after it (a 1-second clip then lies wholly or nearly wholly within the
 * window of about a second, as in the clips the network was first trained on). The rest of the time in which a
 * detection would still hit the keyword ({@link MatchingRule}: from the clip's start to the tolerance after its end)
 * is left out of the loss, since an answer there is neither required nor a false alarm. Every other step is
 * "not the keyword".
 */
public final class StepTargets {
    /** A step the loss leaves out. */
    public static final int IGNORED = -1;
    /** The class of "not the keyword". */
    public static final int OTHER = 0;
    /** The keyword's class, as the trainer labels clips. */
    public static final int KEYWORD = 1;
    /** How long before a keyword clip's end the keyword becomes the answer. */
    public static final double KEYWORD_FROM_END_SECONDS = 0.25;
    /** How long after a keyword clip's end the keyword stays the answer. */
    public static final double KEYWORD_AFTER_END_SECONDS = 0.35;

    private StepTargets() {
    }

    /** The second at which 0-based step {@code step} runs, for a network reading windows of frames every hop. */
    public static double stepSecond(int step, int windowFrames, int hopFrames) {
        return StreamTime.frameCompleteSecond((long) step * hopFrames + windowFrames - 1);
    }

    /**
     * @param keywords     where the keyword clips are in the stream
     * @param steps        the steps to label
     * @param windowFrames frames the first step reads (the convolution's kernel height)
     * @param hopFrames    frames per step (the convolution's time stride)
     * @param rule         whose tolerance bounds the time a detection hits a keyword
     * @return per step {@link #KEYWORD}, {@link #OTHER} or {@link #IGNORED}
     */
    public static int[] of(List<KeywordOccurrence> keywords, int steps, int windowFrames, int hopFrames,
                           MatchingRule rule) {
        int[] labels = new int[steps];
        for (int s = 0; s < steps; s++) {
            double t = stepSecond(s, windowFrames, hopFrames);
            int label = OTHER;
            for (KeywordOccurrence k : keywords) {
                if (t >= k.endSecond() - KEYWORD_FROM_END_SECONDS && t <= k.endSecond() + KEYWORD_AFTER_END_SECONDS) {
                    label = KEYWORD;
                    break;
                }
                if (t >= k.startSecond() && t <= k.endSecond() + rule.toleranceSeconds()) {
                    label = IGNORED;
                }
            }
            labels[s] = label;
        }
        return labels;
    }
}
