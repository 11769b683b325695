package dev.hark.sim.program;

import dev.hark.sim.model.GruLayer;
import java.util.List;

/**
 * {@code hark_gru_s8(ctx, params, steps, input, state, output)}: a GRU over {@code steps} steps, writing the hidden
 * state after every step; the glue CMSIS-NN lacks, built from its kernels.
 *
 * @param params       the constant operands ({@code hark_gru_s8_params})
 * @param state        the hidden state a streaming program carries from step to step ({@link TensorKind#STATE}):
 *                     the GRU starts from it and leaves its last hidden state in it; {@code null} in a
 *                     whole-clip program, whose GRU starts from zero
 * @param scratch      gate projections and per-step vectors
 * @param scratchBytes its planned size ({@link ScratchSizes#gruS8})
 */
public record GruCall(String layer, GruLayer params, int steps, TensorId input, TensorId state, TensorId output,
                      TensorId scratch, int scratchBytes) implements KernelCall.WithScratch {
    /** The input and, in a stream, the state. */
    @Override
    public List<TensorId> reads() {
        return KernelCall.present(input, state);
    }

    /** The output, the state (which may be the output itself) and the scratch. */
    @Override
    public List<TensorId> writes() {
        return KernelCall.present(output, state, scratch);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.gru(this);
    }
}
