package dev.hark.pipeline.bench;

import dev.hark.firmware.run.BenchmarkOutput;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.ProgramCounts;
import dev.hark.sim.program.TracePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run of the whole-clip network costs, layer by layer: the re-scoring benchmark's second pass reads the
 * counter after every traced tensor ({@code layer_<i>_ticks}), and the kernel program says which calls ran before
 * each trace and how many multiply-accumulates they do ({@link ProgramCounts#cost}). A "layer" here is the calls
 * from the previous trace point to this one (the attention's energy, tanh and score calls count toward
 * {@code attention.weights}).
 *
 * @param layers one row per traced tensor, in trace order
 */
public record LayerCosts(List<Layer> layers) {
    /**
     * @param name         the traced tensor's name
     * @param macs         multiply-accumulates of the calls up to it, per run
     * @param instructions instructions of those calls, per run (the average over the benchmark's runs)
     */
    public record Layer(String name, long macs, double instructions) {
        /** Instructions per multiply-accumulate, or NaN for a layer without any. */
        public double instructionsPerMac() {
            return macs == 0 ? Double.NaN : instructions / macs;
        }
    }

    public LayerCosts {
        layers = List.copyOf(layers);
    }

    /**
     * @param program   the whole-clip program the benchmark ran
     * @param rescoring {@code hark_rescore_bench}'s output, with instruction counting checked
     * @throws IllegalArgumentException if the output's layers are not the program's trace points or it has no runs
     */
    public static LayerCosts of(KernelProgram program, BenchmarkOutput rescoring) {
        List<TracePoint> traces = program.traces();
        if (rescoring.figure("layer_count") != traces.size()) {
            throw new IllegalArgumentException("the re-scoring benchmark timed " + rescoring.figure("layer_count")
                    + " layers, the program traces " + traces.size());
        }
        long runs = rescoring.figure("runs");
        if (runs < 1) {
            throw new IllegalArgumentException("the re-scoring benchmark made no runs");
        }
        List<Layer> layers = new ArrayList<>();
        int nextCall = 0;
        for (int i = 0; i < traces.size(); i++) {
            TracePoint trace = traces.get(i);
            long macs = 0;
            for (; nextCall <= trace.afterCall(); nextCall++) {
                macs += ProgramCounts.cost(program, program.calls().get(nextCall)).macs();
            }
            layers.add(new Layer(trace.traced().name(), macs,
                    rescoring.instructions("layer_" + i + "_ticks") / (double) runs));
        }
        return new LayerCosts(layers);
    }

    public long macs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }

    public double instructions() {
        return layers.stream().mapToDouble(Layer::instructions).sum();
    }

    /**
     * The table: a row per layer (MACs, instructions, instructions per MAC), then
     * {@code whole network: <N> instructions, <M> MACs, <X.XX> instr/MAC (<target>, <library>)}.
     *
     * @param model   the model's name, the table's first line
     * @param target  the board's name
     * @param library the kernels' library as the table names it
     */
    public String format(String model, String target, String library) {
        StringBuilder out = new StringBuilder();
        out.append(model).append(": one whole-clip run by layer\n");
        out.append(String.format(Locale.ROOT, "%-20s %10s %14s %10s%n", "layer", "MACs", "instructions",
                "instr/MAC"));
        for (Layer layer : layers) {
            out.append(String.format(Locale.ROOT, "%-20s %,10d %,14.0f %10s%n", layer.name(), layer.macs(),
                    layer.instructions(), layer.macs() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f", layer.instructionsPerMac())));
        }
        out.append(String.format(Locale.ROOT, "whole network: %.0f instructions, %d MACs, %.2f instr/MAC (%s, %s)%n",
                instructions(), macs(), instructions() / macs(), target, library));
        return out.toString();
    }
}
