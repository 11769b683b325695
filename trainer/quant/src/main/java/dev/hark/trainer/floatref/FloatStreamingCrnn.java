package dev.hark.trainer.floatref;

import java.util.Arrays;
import java.util.Optional;

/**
 * The float CRNN listening, step for step what the integer {@code StreamingNetwork} does: the convolution reads the
 * last {@code kernelTime} frames and runs every {@code strideTime} frames, each GRU layer carries its hidden state
 * from step to step, and the attention pools over a window of the last {@code attentionWindow} hidden states, which
 * starts as zero hidden states (a zero hidden state's score included, so the float and integer windows start
 * alike). Without attention the context is the last GRU layer's state.
 *
 * <p>Not thread-safe: one instance per stream.
 */
public final class FloatStreamingCrnn {
    private final FloatCrnn crnn;
    private final int attentionWindow;
    private final float[] frames;
    private final float[][] states;
    private final float[] hiddenWindow;
    private final int mels;
    private final int hidden;
    private long framesPushed;

    /**
     * @param attentionWindow steps the attention pools over (ignored without attention)
     * @throws IllegalArgumentException if the window is below 1 for a model with attention
     */
    public FloatStreamingCrnn(CrnnWeights weights, int attentionWindow) {
        this.crnn = new FloatCrnn(weights);
        var config = crnn.config();
        if (config.attention() && attentionWindow < 1) {
            throw new IllegalArgumentException("the attention window must be at least 1 step, got " + attentionWindow);
        }
        this.attentionWindow = config.attention() ? attentionWindow : 1;
        this.mels = config.mels();
        this.hidden = config.gruHidden();
        this.frames = new float[config.kernelTime() * mels];
        this.states = new float[config.gruLayers()][hidden];
        this.hiddenWindow = new float[this.attentionWindow * hidden];
    }

    /** Starts over: zero hidden states, an empty frame window. */
    public void reset() {
        Arrays.fill(frames, 0f);
        for (float[] state : states) {
            Arrays.fill(state, 0f);
        }
        Arrays.fill(hiddenWindow, 0f);
        framesPushed = 0;
    }

    /**
     * Adds one frame of dequantized features.
     *
     * @return the class logits of the step this frame completes, or empty
     * @throws IllegalArgumentException if the frame does not hold the model's mel bins
     */
    public Optional<float[]> pushFrame(float[] frame) {
        if (frame.length != mels) {
            throw new IllegalArgumentException("a feature frame has " + mels + " values, got " + frame.length);
        }
        var config = crnn.config();
        System.arraycopy(frames, mels, frames, 0, frames.length - mels);
        System.arraycopy(frame, 0, frames, frames.length - mels, mels);
        framesPushed++;
        long sinceFull = framesPushed - config.kernelTime();
        if (sinceFull < 0 || sinceFull % config.strideTime() != 0) {
            return Optional.empty();
        }
        float[] x = crnn.conv(frames, 1);
        int width = config.gruInputSize();
        for (int layer = 0; layer < states.length; layer++) {
            x = crnn.gruLayer(layer, x, 1, width, states[layer], TensorObserver.NONE);
            width = hidden;
        }
        float[] context;
        if (config.attention()) {
            System.arraycopy(hiddenWindow, hidden, hiddenWindow, 0, hiddenWindow.length - hidden);
            System.arraycopy(x, 0, hiddenWindow, hiddenWindow.length - hidden, hidden);
            context = crnn.attention(hiddenWindow, attentionWindow, TensorObserver.NONE);
        } else {
            context = x;
        }
        return Optional.of(crnn.classify(context));
    }
}
