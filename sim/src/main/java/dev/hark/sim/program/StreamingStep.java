package dev.hark.sim.program;

/**
 * What makes a {@link KernelProgram} one step of a stream rather than a whole clip: each run reads the last
 * {@code windowFrames} feature frames, of which {@code hopFrames} are new since the previous run, and the state
 * tensors carry everything older. (A stride above the kernel height skips the frames between windows.)
 *
 * @param windowFrames    feature frames the convolution reads per step (its kernel height)
 * @param hopFrames       new frames per step (its time stride): 8 frames are 80 ms of audio
 * @param attentionWindow steps of GRU output the attention pools over, or 0 for a model without attention
 * @param keywordScore    what the detector reads from each step's logits; {@code null} for a network that ends
 *                        in no classifier (no dense layer of logits before a softmax), which cannot listen
 */
public record StreamingStep(int windowFrames, int hopFrames, int attentionWindow, KeywordScore keywordScore) {
    public StreamingStep {
        if (windowFrames < 1 || hopFrames < 1 || attentionWindow < 0) {
            throw new IllegalArgumentException("a streaming step of " + windowFrames + " frames, " + hopFrames
                    + " new, attention over " + attentionWindow + " steps");
        }
    }
}
