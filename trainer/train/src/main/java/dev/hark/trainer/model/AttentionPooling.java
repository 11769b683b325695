package dev.hark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Attention pooling over time: {@code e_t = tanh(W1 h_t + b1)}, {@code score_t = w2 . e_t + b2},
 * {@code alpha = softmax_t(score)}, {@code context = sum_t alpha_t h_t}.
 *
 * <p>Input {@code [batch][steps][hidden]}, output {@code [batch][hidden]}. Children: {@link #energy()}
 * (Linear hidden -> hidden, "att.w1"/"att.b1" in the float reference) and {@link #score()} (Linear hidden -> 1,
 * "att.w2"/"att.b2").
 */
public final class AttentionPooling extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Linear energy;
    private final Linear score;

    /** @param hidden the width of each step's vector */
    public AttentionPooling(int hidden) {
        super(VERSION);
        energy = addChildBlock("energy", Linear.builder().setUnits(hidden).build());
        score = addChildBlock("score", Linear.builder().setUnits(1).build());
    }

    public Linear energy() {
        return energy;
    }

    public Linear score() {
        return score;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = inputs.singletonOrThrow();
        NDArray e = energy.forward(store, new NDList(h), training).singletonOrThrow().tanh();
        NDArray s = score.forward(store, new NDList(e), training).singletonOrThrow(); // [B][T][1]
        NDArray alpha = s.softmax(1);
        return new NDList(h.mul(alpha).sum(new int[] {1}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {new Shape(in.get(0), in.get(2))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        energy.initialize(manager, dataType, inputShapes[0]);
        score.initialize(manager, dataType, energy.getOutputShapes(inputShapes)[0]);
    }
}
