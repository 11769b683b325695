package dev.hark.trainer.eval;

import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.program.KeywordScore;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatStreamingCrnn;
import dev.hark.trainer.model.InputFeatures;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The float network listening ({@link FloatStreamingCrnn}): the front end's int8 frames dequantized, each step's
 * keyword score from its float logits (class 1, as the trainer labels clips) on the int8 network's grid
 * ({@link KeywordScore#ofLogits}).
 */
public final class FloatStreamingModel implements StreamingModel {
    private static final int KEYWORD_CLASS = 1;
    private final FloatStreamingCrnn network;
    private final TensorQuant inputQuant;
    private final int frameSize;
    private final int windowFrames;
    private final int hopFrames;
    private final float[] frame;

    /**
     * @param weights         the float CRNN
     * @param inputQuant      how the front end's int8 codes map to the floats the network was trained on
     * @param attentionWindow steps the attention pools over
     */
    public FloatStreamingModel(CrnnWeights weights, TensorQuant inputQuant, int attentionWindow) {
        this.network = new FloatStreamingCrnn(weights, attentionWindow);
        this.inputQuant = inputQuant;
        this.frameSize = weights.config().mels();
        this.windowFrames = weights.config().kernelTime();
        this.hopFrames = weights.config().strideTime();
        this.frame = new float[frameSize];
    }

    @Override
    public int frameSize() {
        return frameSize;
    }

    @Override
    public int windowFrames() {
        return windowFrames;
    }

    @Override
    public int hopFrames() {
        return hopFrames;
    }

    @Override
    public void reset() {
        network.reset();
    }

    @Override
    public OptionalInt pushFrame(byte[] codes) {
        if (codes.length != frameSize) {
            throw new IllegalArgumentException("a feature frame has " + frameSize + " values, got " + codes.length);
        }
        InputFeatures.dequantizeInto(codes, inputQuant, frame, 0);
        Optional<float[]> logits = network.pushFrame(frame);
        return logits.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(KeywordScore.ofLogits(logits.get(), KEYWORD_CLASS));
    }
}
