package dev.hark.codegen.model;

/**
 * The macros of a streaming network's header.
 *
 * @param frameSize       int8 values per feature frame
 * @param windowFrames    frames each step reads
 * @param hopFrames       new frames per step
 * @param attentionWindow steps the attention pools over, 0 without attention
 * @param keywordScore    how the listening engine scores each step; {@code null} for a network without a classifier
 */
public record StreamingShape(int frameSize, int windowFrames, int hopFrames, int attentionWindow,
                             KeywordScoreMacros keywordScore) {
    /**
     * {@code HARK_KEYWORD_LOGITS_LAYER} and {@code HARK_KEYWORD_SCORE_PARAMS}.
     *
     * @param logitsLayer  the {@code HARK_LAYER_*} macro of the logits
     * @param classes      logits per step
     * @param keywordClass the keyword's index among them
     * @param multiplier   one logit code in score steps, arm_nn_requantize's multiplier
     * @param shift        and shift
     * @param perCode      that factor as a decimal, for the comment
     */
    public record KeywordScoreMacros(String logitsLayer, int classes, int keywordClass, int multiplier, int shift,
                                     String perCode) {
    }
}
