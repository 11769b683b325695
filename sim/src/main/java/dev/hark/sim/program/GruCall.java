package dev.hark.sim.program;

import dev.hark.sim.model.GruLayer;

/**
 * {@code hark_gru_s8(ctx, params, steps, input, output)}: a GRU over {@code steps} steps from a zero hidden state,
 * writing the hidden state after every step; the glue CMSIS-NN lacks, built from its kernels.
 *
 * @param params       the constant operands ({@code hark_gru_s8_params})
 * @param scratch      gate projections and per-step vectors
 * @param scratchBytes its planned size ({@link ScratchSizes#gruS8})
 */
public record GruCall(String layer, GruLayer params, int steps, TensorId input, TensorId output, TensorId scratch,
                      int scratchBytes) implements KernelCall.WithScratch {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.gru(this);
    }
}
