package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.ShapeOnlyModel;

/**
 * The size and cost of a CRNN, the figures a compression table compares (see docs/metrics.md). MACs and int8
 * bytes are counted on the kernel program the firmware runs ({@link ProgramCounts}), so they describe exactly the
 * calls and arrays of the generated C.
 *
 * @param parameters    trainable parameters ({@link CrnnConfig#parameterCount()})
 * @param macsPerSecond multiply-accumulates of one forward pass over a 1-second clip; the whole-clip model runs
 *                      once per second of audio. A streaming deployment that re-scores every 100 ms pays this ten
 *                      times per second.
 * @param float32Bytes  {@code parameters x 4}
 * @param int8Bytes     constant data of the int8 network, whatever kernels run it ({@link ProgramCounts#networkBytes()})
 * @param arenaBytes    the static arena of activations and scratch
 */
public record ModelFigures(long parameters, long macsPerSecond, long float32Bytes, long int8Bytes,
                           int arenaBytes) {

    /** Figures from the shapes alone: the program of {@link ShapeOnlyModel} has the trained model's calls. */
    public static ModelFigures of(CrnnConfig config) {
        return of(config, ShapeOnlyModel.of(config));
    }

    /** Figures of {@code model}'s kernel program. */
    public static ModelFigures of(CrnnConfig config, QuantizedModel model) {
        long params = config.parameterCount();
        ProgramCounts counts = ProgramCounts.of(Lowering.lower(model));
        return new ModelFigures(params, counts.macs(), 4 * params, counts.networkBytes(), counts.arenaBytes());
    }

    /** How many times fewer MACs this model needs than {@code reference}. */
    public double macReduction(ModelFigures reference) {
        return (double) reference.macsPerSecond / macsPerSecond;
    }

    /** How many times smaller this model's int8 data is than {@code reference}'s float32 weights. */
    public double int8VersusFloatReduction(ModelFigures reference) {
        return (double) reference.float32Bytes / int8Bytes;
    }
}
