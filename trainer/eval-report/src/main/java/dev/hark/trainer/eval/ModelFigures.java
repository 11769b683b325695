package dev.hark.trainer.eval;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.ShapeOnlyModel;

/**
 * The size and cost of a CRNN, the figures a compression table compares (see docs/metrics.md). MACs and int8
 * bytes are counted on the kernel programs the firmware runs ({@link ProgramCounts}), so they describe exactly the
 * calls and arrays of the generated C.
 *
 * <p>Two MAC figures, for the two ways the network runs. {@code clipMacs} is one run of the whole-clip program
 * ({@link Lowering#lower}) over a 1-second clip: what scoring a clip costs, and what a device that re-scores the
 * last second pays per re-scoring. {@code streamingMacsPerSecond} is what a listening device pays per second of
 * audio: the MACs of one run of the streaming program ({@link Lowering#lowerStreaming}, with the attention window the
 * firmware uses by default, {@link Lowering#defaultAttentionWindow}) times the steps it runs per second of audio,
 * {@link StreamTime#stepsPerSecond} of the program's hop (the convolution's time stride in feature frames).
 *
 * @param parameters             trainable parameters ({@link CrnnConfig#parameterCount()}; of a quantized CRNN the
 *                               same number is its weights and biases, {@link QuantizedModel#parameterCount()})
 * @param clipMacs               multiply-accumulates of one whole-clip forward pass over a 1-second clip
 * @param streamingMacsPerSecond multiply-accumulates of one streaming step times the steps per second of audio,
 *                               rounded to the nearest whole MAC
 * @param float32Bytes           {@code parameters x 4}
 * @param int8Bytes              constant data of the int8 network, whatever kernels run it
 *                               ({@link ProgramCounts#networkBytes()})
 * @param arenaBytes             the static arena of activations and scratch of the whole-clip program
 */
public record ModelFigures(long parameters, long clipMacs, long streamingMacsPerSecond, long float32Bytes,
                           long int8Bytes, int arenaBytes) {

    /** Figures from the shapes alone: the programs of {@link ShapeOnlyModel} have the trained model's calls. */
    public static ModelFigures of(CrnnConfig config) {
        return of(config, ShapeOnlyModel.of(config));
    }

    /** Figures of {@code model}'s kernel programs. */
    public static ModelFigures of(CrnnConfig config, QuantizedModel model) {
        return of(config.parameterCount(), model);
    }

    /**
     * Figures of a model file alone, without the configuration it was trained from: the parameters are the model's
     * weights and biases ({@link QuantizedModel#parameterCount()}), which every float parameter of a CRNN has one of,
     * so a quantized CRNN's figures equal {@link #of(CrnnConfig, QuantizedModel)}'s.
     *
     * @throws IllegalArgumentException if the model cannot stream ({@link Lowering#lowerStreaming})
     */
    public static ModelFigures of(QuantizedModel model) {
        return of(model.parameterCount(), model);
    }

    private static ModelFigures of(long params, QuantizedModel model) {
        ProgramCounts counts = ProgramCounts.of(Lowering.lower(model));
        return new ModelFigures(params, counts.macs(), streamingMacsPerSecond(model), 4 * params,
                counts.networkBytes(), counts.arenaBytes());
    }

    /**
     * The MACs per second of audio of {@code model} listening: one step of its streaming program, lowered with the
     * default attention window, counted by {@link ProgramCounts}, times {@link StreamTime#stepsPerSecond} of the
     * step's hop, rounded to the nearest whole MAC.
     */
    public static long streamingMacsPerSecond(QuantizedModel model) {
        KernelProgram step = Lowering.lowerStreaming(model, Lowering.defaultAttentionWindow(model));
        return Math.round(ProgramCounts.of(step).macs() * StreamTime.stepsPerSecond(step.streaming().hopFrames()));
    }

    /** How many times fewer MACs a whole-clip pass of this model needs than one of {@code reference}. */
    public double macReduction(ModelFigures reference) {
        return (double) reference.clipMacs / clipMacs;
    }

    /** How many times smaller this model's int8 data is than {@code reference}'s float32 weights. */
    public double int8VersusFloatReduction(ModelFigures reference) {
        return (double) reference.float32Bytes / int8Bytes;
    }
}
