package dev.hark.codegen.model;

/**
 * The macros of a streaming network's header.
 *
 * @param frameSize       int8 values per feature frame
 * @param windowFrames    frames each step reads
 * @param hopFrames       new frames per step
 * @param attentionWindow steps the attention pools over, 0 without attention
 */
public record StreamingShape(int frameSize, int windowFrames, int hopFrames, int attentionWindow) {
}
