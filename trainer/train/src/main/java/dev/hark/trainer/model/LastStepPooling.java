package dev.hark.trainer.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Keeps the last time step: {@code [batch][steps][hidden]} -> {@code [batch][hidden]}. No parameters. */
public final class LastStepPooling extends AbstractBlock {
    private static final byte VERSION = 1;

    public LastStepPooling() {
        super(VERSION);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return new NDList(inputs.singletonOrThrow().get(":, -1, :"));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {new Shape(in.get(0), in.get(2))};
    }
}
