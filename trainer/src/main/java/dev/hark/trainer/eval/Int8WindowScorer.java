package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.net.NetworkSimulator;

/**
 * Scores windows with the int8 network as the firmware runs it ({@link NetworkSimulator}): the keyword's
 * int8 probability {@code q} read as {@code (q + 128) / 256}, so scores move in steps of 1/256. Thread-safe
 * (the simulator keeps no state between runs).
 */
public final class Int8WindowScorer implements WindowScorer {
    private final NetworkSimulator simulator;

    public Int8WindowScorer(QuantizedModel model) {
        this.simulator = new NetworkSimulator(model);
    }

    @Override
    public float score(byte[] features) {
        return (float) SoftmaxLayer.OUTPUT.dequantize(simulator.run(features).output()[1]);
    }
}
