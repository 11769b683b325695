package dev.hark.sim.model;

/** Counts constant weights and biases, the figure comparable to a float model's parameter count. */
final class ParameterCounter {
    private ParameterCounter() {
    }

    static long count(QuantizedModel model) {
        long total = 0;
        for (Layer layer : model.layers()) {
            if (layer instanceof ConvLayer c) {
                total += c.weights().length + c.bias().length;
            } else if (layer instanceof GruLayer g) {
                total += fc(g.inputFc()) + fc(g.hiddenFc());
            } else if (layer instanceof AttentionLayer a) {
                total += fc(a.energy(), a.score());
            } else if (layer instanceof DenseLayer d) {
                total += fc(d.fc());
            }
            // LastStepLayer and SoftmaxLayer have no constants.
        }
        return total;
    }

    private static long fc(FullyConnected... fcs) {
        long n = 0;
        for (FullyConnected fc : fcs) {
            n += (fc.weights() == null ? 0 : fc.weights().length) + fc.bias().length;
        }
        return n;
    }
}
