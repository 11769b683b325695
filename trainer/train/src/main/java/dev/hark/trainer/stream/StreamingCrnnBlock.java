package dev.hark.trainer.stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.hark.trainer.model.AttentionPooling;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CrnnBlock} listening, differentiably: what {@code FloatStreamingCrnn} computes frame by frame, for a
 * stretch of a stream at once, so that a network can be trained on long audio with its state carried.
 *
 * <p>Inputs: feature frames {@code [batch][frames][mels]} (the stretch, {@code frames = (K - 1) * strideTime +
 * kernelTime} for {@code K} steps), the GRU state carried in {@code [layers][batch][hidden]}, and the last
 * {@code W - 1} top-layer hidden states before the stretch {@code [batch][W - 1][hidden]} (attention window
 * {@code W}; zeros at a stream's start, the window's "nothing", as in the streaming network). Outputs: the logits of
 * every step {@code [batch][K][classes]}, the GRU state after the last step and the last {@code W - 1} hidden
 * states, to pass to the next stretch (detached there for truncated backpropagation through time).
 *
 * <p>The convolution over the stretch gives the streaming network's columns because its columns start every
 * {@code strideTime} frames from the stream's start; consecutive stretches therefore overlap by
 * {@code kernelTime - strideTime} frames. The GRU runs over the stretch from the carried state. Attention: every
 * step pools softmax-weighted over its own window of the last {@code W} hidden states, the energies and scores
 * computed by the clip network's attention layers. Without attention the step's context is the top hidden state.
 *
 * <p>The parameters are the wrapped {@link CrnnBlock}'s ({@link #crnn()}), so its weights read and write as usual.
 */
public final class StreamingCrnnBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final CrnnBlock crnn;
    private final int attentionWindow;

    /**
     * @param attentionWindow steps the attention pools over (ignored without attention)
     * @throws IllegalArgumentException if the window is below 1 for a network with attention
     */
    public StreamingCrnnBlock(CrnnConfig config, int attentionWindow) {
        super(VERSION);
        if (config.attention() && attentionWindow < 1) {
            throw new IllegalArgumentException("the attention window must be at least 1 step, got " + attentionWindow);
        }
        this.crnn = addChildBlock("crnn", CrnnBlock.builder().setConfig(config).build());
        this.attentionWindow = config.attention() ? attentionWindow : 1;
    }

    public CrnnBlock crnn() {
        return crnn;
    }

    public CrnnConfig config() {
        return crnn.config();
    }

    /** Steps of top-layer hidden states carried from stretch to stretch: {@code W - 1}, at least 0. */
    public int carriedSteps() {
        return attentionWindow - 1;
    }

    /** Feature frames a stretch of {@code steps} steps reads. */
    public int framesFor(int steps) {
        return (steps - 1) * config().strideTime() + config().kernelTime();
    }

    /** The state at a stream's start: a zero GRU state and zero hidden states, for {@code batch} streams. */
    public NDList startState(NDManager manager, long batch) {
        CrnnConfig c = config();
        return new NDList(manager.zeros(new Shape(c.gruLayers(), batch, c.gruHidden())),
                manager.zeros(new Shape(batch, carriedSteps(), c.gruHidden())));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        CrnnConfig c = config();
        NDArray x = inputs.get(0);
        NDArray gruState = inputs.get(1);
        NDArray history = inputs.get(2);
        if (c.standardizesInput()) {
            x = x.sub(c.inputMean()).div(c.inputStd());
        }
        long batch = x.getShape().get(0);
        NDArray convOut = crnn.conv().forward(store, new NDList(x.expandDims(1)), training).singletonOrThrow();
        long steps = convOut.getShape().get(2);
        NDArray sequence = convOut.transpose(0, 2, 3, 1).reshape(batch, steps, -1);

        // The GRU block returns no state; the same engine call it makes, with the state asked back.
        NDList gruParameters = new NDList();
        for (Parameter p : crnn.gru().getDirectParameters().values()) {
            gruParameters.add(store.getValue(p, x.getDevice(), training));
        }
        NDList gru = sequence.getNDArrayInternal().gru(sequence, gruState, gruParameters, true, c.gruLayers(), 0.0,
                training, false, true);
        NDArray hidden = gru.get(0); // [B][K][H]
        NDArray nextState = gru.get(1);

        NDArray padded = carriedSteps() == 0 ? hidden : history.concat(hidden, 1); // [B][W-1+K][H]
        NDArray context;
        if (c.attention()) {
            AttentionPooling attention = (AttentionPooling) crnn.pooling();
            NDArray energy = attention.energy().forward(store, new NDList(padded), training).singletonOrThrow()
                    .tanh();
            NDArray score = attention.score().forward(store, new NDList(energy), training).singletonOrThrow()
                    .squeeze(2); // [B][W-1+K]
            List<NDArray> scores = new ArrayList<>();
            List<NDArray> states = new ArrayList<>();
            for (int j = 0; j < attentionWindow; j++) {
                NDIndex slots = new NDIndex(":, {}:{}", j, j + steps);
                scores.add(score.get(slots));
                states.add(padded.get(slots));
            }
            NDArray alpha = NDArrays.stack(new NDList(scores), 2).softmax(2); // [B][K][W]
            NDArray windows = NDArrays.stack(new NDList(states), 2); // [B][K][W][H]
            context = windows.mul(alpha.expandDims(3)).sum(new int[] {2}); // [B][K][H]
        } else {
            context = hidden;
        }
        NDArray logits = crnn.fc().forward(store, new NDList(context), training).singletonOrThrow();
        long total = padded.getShape().get(1);
        NDArray nextHistory = padded.get(new NDIndex(":, {}:", total - carriedSteps()));
        return new NDList(logits, nextState, nextHistory);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        CrnnConfig c = config();
        long batch = inputs[0].get(0);
        long steps = (inputs[0].get(1) - c.kernelTime()) / c.strideTime() + 1;
        return new Shape[] {new Shape(batch, steps, c.classes()), inputs[1], inputs[2]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        crnn.initialize(manager, dataType, crnn.inputShape(inputShapes[0].get(0)));
    }
}
