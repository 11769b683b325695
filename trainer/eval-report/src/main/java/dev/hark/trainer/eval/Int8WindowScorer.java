package dev.hark.trainer.eval;

import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;

/**
 * Scores windows with the int8 network as the firmware runs it ({@link NetworkSimulator}).
 *
 * <p>The score is the keyword probability computed from the network's int8 logits (the last dense layer):
 * {@code sigmoid((q_keyword - q_other) x scale)}, which for two classes is exactly the softmax probability of the
 * dequantized logits. It is not read from the int8 softmax output because that has 1/256 steps and saturates at
 * 255/256 for every confident window: on a long stream, thousands of windows and most keyword clips would tie
 * at the top, and no threshold could separate them. A device thresholds the logits the same way. Thread-safe
 * (the simulator keeps no state between runs).
 */
public final class Int8WindowScorer implements WindowScorer {
    private final NetworkSimulator simulator;
    private final String logitsName;
    private final TensorQuant logitsQuant;

    /** @throws IllegalArgumentException if the model has no dense layer with two outputs (the logits) */
    public Int8WindowScorer(QuantizedModel model) {
        this.simulator = new NetworkSimulator(model);
        DenseLayer logits = null;
        for (Layer layer : model.layers()) {
            if (layer instanceof DenseLayer d) {
                logits = d;
            }
        }
        if (logits == null || logits.fc().outputSize() != 2) {
            throw new IllegalArgumentException("int8 scorer: model '" + model.info().name()
                    + "' has no two-class logits layer");
        }
        this.logitsName = logits.name();
        this.logitsQuant = logits.output();
    }

    @Override
    public float score(byte[] features) {
        Trace trace = simulator.run(features);
        byte[] q = trace.get(logitsName);
        double difference = (q[1] - q[0]) * (double) logitsQuant.scale();
        return (float) (1 / (1 + Math.exp(-difference)));
    }
}
