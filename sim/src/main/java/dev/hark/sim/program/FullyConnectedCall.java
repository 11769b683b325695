package dev.hark.sim.program;

import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.model.FullyConnected;
import java.util.List;

/**
 * {@code arm_fully_connected_s8} over {@code batches} rows, with the dims filled as the generated C fills them:
 * input {@code [batches][inputSize]}, filter {@code n} = accumulation depth and {@code c} = outputs, output
 * {@code [batches][outputSize]}. It needs no scratch on any core hark targets (the C asks again at run time).
 *
 * @param part           which projection of the layer this is ({@code params} for a plain dense layer,
 *                       {@code energy}, {@code score}, {@code context} in attention)
 * @param purpose        what it computes, in words
 * @param fc             the constant operands ({@code hark_fc_s8_params})
 * @param runtimeWeights the tensor that serves as the filter when {@code fc} has no constant weights (the
 *                       attention's weighted sum); otherwise {@code null}
 */
public record FullyConnectedCall(String layer, String part, String purpose, FullyConnected fc, int batches,
                                 TensorId input, TensorId runtimeWeights, TensorId output) implements KernelCall {
    public FullyConnectedCall {
        if ((fc.weights() == null) == (runtimeWeights == null)) {
            throw new IllegalArgumentException(layer + " " + part + ": the filter is either constant or a tensor");
        }
        if (batches < 1) {
            throw new IllegalArgumentException(layer + " " + part + ": " + batches + " batches");
        }
    }

    public CmsisNnDims inputDims() {
        return new CmsisNnDims(batches, 1, 1, fc.inputSize());
    }

    public CmsisNnDims filterDims() {
        return new CmsisNnDims(fc.inputSize(), 1, 1, fc.outputSize());
    }

    public CmsisNnDims biasDims() {
        return new CmsisNnDims(1, 1, 1, fc.outputSize());
    }

    public CmsisNnDims outputDims() {
        return new CmsisNnDims(batches, 1, 1, fc.outputSize());
    }

    @Override
    public List<TensorId> reads() {
        return KernelCall.present(input, runtimeWeights);
    }

    @Override
    public List<TensorId> writes() {
        return List.of(output);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.fullyConnected(this);
    }
}
