package dev.hark.trainer.eval;

import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.InputFeatures;

/** Scores windows with the float network: softmax of {@link FloatCrnn}'s logits, class 1. Thread-safe. */
public final class FloatWindowScorer implements WindowScorer {
    private final FloatCrnn network;
    private final TensorQuant inputQuant;

    /**
     * @param network    the float CRNN
     * @param inputQuant how the front end's int8 codes map to the floats the network was trained on
     */
    public FloatWindowScorer(FloatCrnn network, TensorQuant inputQuant) {
        this.network = network;
        this.inputQuant = inputQuant;
    }

    @Override
    public float score(byte[] features) {
        return FloatCrnn.softmax(network.forward(InputFeatures.dequantize(features, inputQuant)))[1];
    }
}
