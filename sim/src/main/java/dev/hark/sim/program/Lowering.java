package dev.hark.sim.program;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.glue.HarkLutS8;
import dev.hark.sim.kernels.CmsisNnActivation;
import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.kernels.CmsisNnTile;
import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.FixedGrids;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.program.plan.BufferRequest;
import dev.hark.sim.program.plan.GreedyMemoryPlanner;
import dev.hark.sim.program.plan.MemoryPlan;
import dev.hark.sim.program.plan.MemoryPlanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Lowers a {@link QuantizedModel} into its {@link KernelProgram}: the one place that decides which kernel calls a
 * layer becomes, in which order, on which tensors, with which scratch, and where every buffer lives.
 *
 * <p>Each layer reads the previous layer's result; the first reads the caller's features, the last writes the
 * caller's output. A tensor lives from the call that first writes it to the call that last reads it (reading a
 * view reads its base), and the memory planner places the arena tensors by those lifetimes.
 *
 * <p>The same layers lower either to a program that scores a whole clip or to one step of a stream
 * ({@link #lowerStreaming}): per step the convolution reads its kernel's worth of frames and makes one output
 * row, each GRU runs one step from the hidden state it keeps, and the attention pools over a window of the last
 * steps that it keeps, each step adding one. Kept tensors are {@link TensorKind#STATE}: in the arena for the whole
 * step, so no other tensor shares their bytes.
 */
public final class Lowering {
    /** Arena and offset alignment in bytes: vector loads on any Cortex-M core start on a boundary. */
    public static final int ARENA_ALIGNMENT = 16;

    private final QuantizedModel model;
    private final StreamingStep streaming;
    private final List<Tensor> tensors = new ArrayList<>();
    private final List<KernelCall> calls = new ArrayList<>();
    private final List<TracePoint> traces = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** Whether a convolution may run as hark_convolve_1ch_s8 (see {@link #fastestWithinTheArena}). */
    private final boolean oneChannelConvolution;

    private Lowering(QuantizedModel model, StreamingStep streaming, boolean oneChannelConvolution) {
        this.model = model;
        this.streaming = streaming;
        this.oneChannelConvolution = oneChannelConvolution;
    }

    /**
     * The program with the one-channel convolution kernel where it applies, unless that more than doubles the arena
     * CMSIS-NN's kernel needs. hark_convolve_1ch_s8 now needs no scratch (its widened filter is in flash), so it is
     * taken wherever it applies, by a small student's and a stream's arena too; the rule stays for a kernel whose
     * scratch outgrows im2col's.
     */
    private static KernelProgram fastestWithinTheArena(Function<Boolean, KernelProgram> lowering) {
        KernelProgram fastest = lowering.apply(true);
        KernelProgram plain = lowering.apply(false);
        return fastest.arena().peakBytes() <= 2L * plain.arena().peakBytes() ? fastest : plain;
    }

    /** Lowers the whole-clip program with the greedy arena planner. */
    public static KernelProgram lower(QuantizedModel model) {
        return lower(model, new GreedyMemoryPlanner(ARENA_ALIGNMENT));
    }

    /**
     * The program that scores one whole clip of {@code model.info().frames()} frames.
     *
     * @throws IllegalArgumentException if the layers do not fit together, the labels do not match the output or
     *                                  two tensors would get the same name
     */
    public static KernelProgram lower(QuantizedModel model, MemoryPlanner planner) {
        return fastestWithinTheArena(oneChannel -> new Lowering(model, null, oneChannel).program(planner,
                model.info().inputSize()));
    }

    /**
     * The attention window a stream uses unless told otherwise: the steps of the clip the model was trained on, so
     * the attention pools over as much as it learned to (1 for a model without attention, which ignores it).
     */
    public static int defaultAttentionWindow(QuantizedModel model) {
        return model.layers().stream().filter(l -> l instanceof AttentionLayer).map(l -> ((AttentionLayer) l).steps())
                .findFirst().orElse(1);
    }

    /** {@link #lowerStreaming(QuantizedModel, int, MemoryPlanner)} with the greedy arena planner. */
    public static KernelProgram lowerStreaming(QuantizedModel model, int attentionWindow) {
        return lowerStreaming(model, attentionWindow, new GreedyMemoryPlanner(ARENA_ALIGNMENT));
    }

    /**
     * One step of a stream: each run reads the last {@code kernelH} feature frames, of which the convolution's
     * time stride are new, and produces the class probabilities of that moment.
     *
     * <p>The attention's window starts as {@code attentionWindow} steps of a zero hidden state, each with the
     * score the attention gives a zero hidden state, as if the stream had been preceded by that many steps of
     * nothing; after {@code attentionWindow} steps it holds only real ones. With {@code attentionWindow} equal to
     * the clip's steps, step {@code steps - 1} of a stream that starts with a clip gives exactly the clip's
     * probabilities.
     *
     * @param attentionWindow steps the attention pools over (ignored, and 0 in the program, without attention)
     * @throws IllegalArgumentException if the model cannot stream (a convolution padded in time, not first) or the
     *                                  window is below 1
     */
    public static KernelProgram lowerStreaming(QuantizedModel model, int attentionWindow, MemoryPlanner planner) {
        if (model.layers().isEmpty() || !(model.layers().get(0) instanceof ConvLayer conv)) {
            throw new IllegalArgumentException("model " + model.info().name()
                    + " cannot stream: it does not start with a convolution over the feature frames");
        }
        if (conv.padH() != 0) {
            throw new IllegalArgumentException("model " + model.info().name()
                    + " cannot stream: its convolution pads the time axis");
        }
        boolean attention = model.layers().stream().anyMatch(l -> l instanceof AttentionLayer);
        if (attention && attentionWindow < 1) {
            throw new IllegalArgumentException("the attention window must be at least 1 step, got " + attentionWindow);
        }
        StreamingStep step = new StreamingStep(conv.kernelH(), conv.strideH(), attention ? attentionWindow : 0,
                keywordScore(model));
        return fastestWithinTheArena(oneChannel -> new Lowering(model, step, oneChannel).program(planner,
                conv.kernelH() * conv.inW() * conv.inC()));
    }

    /**
     * The keyword score of a classifier: its last layers a dense layer of logits and their softmax, its labels
     * naming its keyword. {@code null} for any other network.
     */
    private static KeywordScore keywordScore(QuantizedModel model) {
        List<Layer> layers = model.layers();
        int keywordClass = model.info().labels().indexOf(model.info().keyword());
        if (layers.size() < 2 || keywordClass < 0 || !(layers.get(layers.size() - 1) instanceof SoftmaxLayer)
                || !(layers.get(layers.size() - 2) instanceof DenseLayer logits)) {
            return null;
        }
        return KeywordScore.of(logits.tracedOutputs().get(0).name(), keywordClass, logits.output(),
                model.rounding());
    }

    private KernelProgram program(MemoryPlanner planner, int inputSize) {
        List<Layer> layers = model.layers();
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("model " + model.info().name() + " has no layers");
        }
        TensorId x = tensor("features", "input", inputSize, TensorKind.FEATURES, model.info().inputQuant(), null, 0,
                "features");
        for (int i = 0; i < layers.size(); i++) {
            x = layer(layers.get(i), x, i == layers.size() - 1);
        }
        int outputs = tensors.get(x.index()).size();
        if (model.info().labels().size() != outputs) {
            throw new IllegalArgumentException("model " + model.info().name() + " has "
                    + model.info().labels().size() + " labels but " + outputs + " outputs");
        }
        List<String> expected = model.tracedTensors().stream().map(Layer.TracedTensor::name).toList();
        List<String> traced = traces.stream().map(t -> t.traced().name()).toList();
        if (!traced.equals(expected)) {
            throw new IllegalStateException("lowering traced " + traced + " but the model lists " + expected);
        }
        MemoryPlan arena = planner.plan(lifetimes()).requireValid();
        return new KernelProgram(model.info(), model.rounding(), tensors, calls, traces, arena, streaming);
    }

    /** Time steps per run: the clip's for a whole clip, one for a stream. */
    private int steps(int clipSteps) {
        return streaming == null ? clipSteps : 1;
    }

    private TensorId layer(Layer layer, TensorId input, boolean last) {
        if (layer instanceof ConvLayer c) {
            return conv(c, input, last);
        } else if (layer instanceof GruLayer g) {
            return gru(g, input, last);
        } else if (layer instanceof AttentionLayer a) {
            return attention(a, input, last);
        } else if (layer instanceof LastStepLayer s) {
            return lastStep(s, input, last);
        } else if (layer instanceof DenseLayer d) {
            return dense(d, input, last);
        } else if (layer instanceof SoftmaxLayer s) {
            return softmax(s, input, last);
        }
        throw new IllegalArgumentException("layer " + layer.name() + ": no kernel calls for " + layer.getClass());
    }

    private TensorId conv(ConvLayer c, TensorId input, boolean last) {
        int inH = streaming == null ? c.inH() : c.kernelH();
        int outH = steps(c.outH());
        requireInput(c.name(), inH * c.inW() * c.inC(), input);
        CmsisNnConvParams conv = new CmsisNnConvParams(c.inputOffset(), c.outputOffset(),
                new CmsisNnTile(c.strideW(), c.strideH()), new CmsisNnTile(c.padW(), c.padH()), new CmsisNnTile(1, 1),
                new CmsisNnActivation(c.activationMin(), c.activationMax()));
        CmsisNnDims inputDims = new CmsisNnDims(1, inH, c.inW(), c.inC());
        CmsisNnDims filterDims = new CmsisNnDims(c.outC(), c.kernelH(), c.kernelW(), c.inC());
        CmsisNnDims outputDims = new CmsisNnDims(1, outH, c.outW(), c.outC());
        ConvolveKernel kernel = oneChannelConvolution ? ConvolveKernel.fastest(conv, inputDims, filterDims, outputDims)
                : ConvolveKernel.CMSIS_NN_WRAPPER;
        int scratchBytes = ScratchSizes.convolve(kernel, c, inputDims, filterDims);
        TensorId scratch = scratchBytes == 0 ? null : scratch(c.name(), scratchBytes, c.name() + " "
                + (kernel == ConvolveKernel.CMSIS_NN_WRAPPER ? "im2col" : kernel.function()) + " scratch");
        TensorId output = result(c.name(), "output", outH * c.outW() * c.outC(), c.output(), last,
                c.name() + " output [" + outH + "][" + c.outW() + "][" + c.outC() + "]");
        add(new ConvolveCall(c.name(), kernel, conv, new CmsisNnPerChannelQuantParams(c.multipliers(), c.shifts()),
                inputDims, input, filterDims, c.weights(), new CmsisNnDims(1, 1, 1, c.outC()), c.bias(), outputDims,
                output, scratch, scratchBytes, c.output()));
        trace(c.tracedOutputs().get(0), output);
        return output;
    }

    /** In a stream the GRU's output is its state: the hidden state after this step, kept for the next. */
    private TensorId gru(GruLayer g, TensorId input, boolean last) {
        int steps = steps(g.steps());
        requireInput(g.name(), steps * g.inputSize(), input);
        for (int i = 0; i < 3; i++) {
            requireFc(g.name(), g.inputFc()[i], g.inputSize(), g.hiddenSize(), true);
            requireFc(g.name(), g.hiddenFc()[i], g.hiddenSize(), g.hiddenSize(), true);
        }
        int scratchBytes = ScratchSizes.gruS8(g.inputSize(), g.hiddenSize());
        TensorId scratch = scratch(g.name(), scratchBytes, g.name() + " widened input and hidden state");
        TensorId state = null;
        TensorId output;
        if (streaming == null) {
            output = result(g.name(), "output", steps * g.hiddenSize(), g.output(), last,
                    g.name() + " hidden states [" + steps + "][" + g.hiddenSize() + "]");
        } else {
            if (last) {
                throw new IllegalArgumentException("layer " + g.name() + ": a stream cannot end with a GRU");
            }
            state = state(g.name(), "state", g.hiddenSize(), g.output(), (byte) 0,
                    g.name() + " hidden state [" + g.hiddenSize() + "], kept from step to step");
            output = state;
        }
        add(new GruCall(g.name(), g, steps, input, state, output, scratch, scratchBytes));
        trace(g.tracedOutputs().get(0), output);
        return output;
    }

    /**
     * Attention pooling: the energy projection, its tanh in place and the scores of the steps at hand; then the
     * softmax of the scores over the pooled steps, the hidden states transposed so they can serve as a filter, and
     * the weighted sum as a fully-connected call with alpha as input. A whole clip pools its {@code T'} steps; a
     * stream computes the newest step's energy and score only, slides both into {@link TensorKind#STATE} windows of
     * the last {@code W} steps and pools the windows as a clip of {@code W} steps.
     */
    private TensorId attention(AttentionLayer a, TensorId hidden, boolean last) {
        String name = a.name();
        int units = a.hiddenSize();
        int steps = steps(a.steps());
        requireInput(name, steps * units, hidden);
        requireFc(name, a.energy(), units, units, true);
        requireFc(name, a.score(), units, 1, true);
        requireFc(name, a.context(), a.steps(), units, false);
        String which = streaming == null ? "" : " of the newest step";
        TensorId energy = activation(name, "energy", steps * units, a.energy().outputOffset(), null,
                name + " energy" + which + " [" + (streaming == null ? steps + "][" : "") + units + "]");
        add(new FullyConnectedCall(name, "energy", "energy projection W1 h + b1", a.energy(), steps, hidden, null,
                energy));
        add(new LutCall(name, "tanh_energy", "tanh of the energy", a.tanhEnergy(), steps * units, energy, energy));
        TensorId scores = activation(name, streaming == null ? "scores" : "score", steps, a.score().outputOffset(),
                null, name + (streaming == null ? " scores [" : " score of the newest step [") + steps + "]");
        add(new FullyConnectedCall(name, "score", "score projection w2 e + b2", a.score(), steps, energy, null,
                scores));
        if (streaming == null) {
            return pool(a, scores, hidden, steps, "the steps", " hidden states transposed", last);
        }
        int window = streaming.attentionWindow();
        TensorId scoreWindow = state(name, "scores", window, new TensorQuant(1f, a.score().outputOffset()),
                zeroHiddenScore(a), name + " scores of the last " + window + " steps [" + window + "], oldest first");
        add(new WindowPushCall(name, "scores", "the scores of the last steps", 1, window, scores, scoreWindow));
        TensorId hiddenWindow = state(name, "hidden", window * units, tensors.get(hidden.index()).quant(), (byte) 0,
                name + " hidden states of the last " + window + " steps [" + window + "][" + units
                        + "], oldest first");
        add(new WindowPushCall(name, "hidden", "the hidden states of the last steps", units, window, hidden,
                hiddenWindow));
        return pool(a, scoreWindow, hiddenWindow, window, "the window", " window of hidden states transposed", last);
    }

    /** Softmax of {@code steps} scores, the hidden states transposed, and their weighted sum: the context. */
    private TensorId pool(AttentionLayer a, TensorId scores, TensorId hidden, int steps, String over,
                          String transposed, boolean last) {
        String name = a.name();
        int units = a.hiddenSize();
        TensorId weights = activation(name, "weights", steps, 0, FixedGrids.PROBABILITY,
                name + " weights alpha [" + steps + "]");
        add(new SoftmaxCall(name, "weights alpha over " + over, 1, steps, a.softmaxMult(), a.softmaxShift(),
                a.softmaxDiffMin(), scores, weights));
        trace(a.tracedOutputs().get(0), weights);
        TensorId byUnit = activation(name, "hidden_t", steps * units, 0, tensors.get(hidden.index()).quant(),
                name + transposed + " [" + units + "][" + steps + "]");
        add(new TransposeCall(name, "so that the hidden states can serve as the filter of the weighted sum", steps,
                units, hidden, byUnit));
        TensorId context = result(name, "context", units, a.output(), last, name + " context [" + units + "]");
        FullyConnected sum = a.context();
        FullyConnected overSteps = new FullyConnected(steps, units, null, sum.bias(), sum.inputOffset(),
                sum.outputOffset(), sum.multiplier(), sum.shift(), sum.activationMin(), sum.activationMax());
        add(new FullyConnectedCall(name, "context", "weighted sum of the hidden states", overSteps, 1, weights,
                byUnit, context));
        trace(a.tracedOutputs().get(1), context);
        return context;
    }

    /** The score the attention gives a zero hidden state: what the window starts with. */
    private byte zeroHiddenScore(AttentionLayer a) {
        byte[] energy = new byte[a.hiddenSize()];
        FcCall.fullyConnected(model.rounding(), a.energy(), 1, new byte[a.hiddenSize()], energy);
        HarkLutS8.run(energy, energy, energy.length, a.tanhEnergy());
        byte[] score = new byte[1];
        FcCall.fullyConnected(model.rounding(), a.score(), 1, energy, score);
        return score[0];
    }

    private TensorId lastStep(LastStepLayer s, TensorId sequence, boolean last) {
        int steps = steps(s.steps());
        requireInput(s.name(), steps * s.hiddenSize(), sequence);
        Tensor in = tensors.get(sequence.index());
        TensorId context = last
                ? result(s.name(), "output", s.hiddenSize(), in.quant(), true, s.name() + " [" + s.hiddenSize() + "]")
                : tensor(s.name(), "view", s.hiddenSize(), TensorKind.VIEW, in.quant(), sequence,
                        (steps - 1) * s.hiddenSize(), s.name() + ": the last step of " + in.name());
        add(new LastStepCall(s.name(), steps, s.hiddenSize(), sequence, context));
        trace(s.tracedOutputs().get(0), context);
        return context;
    }

    private TensorId dense(DenseLayer d, TensorId input, boolean last) {
        FullyConnected fc = d.fc();
        requireInput(d.name(), fc.inputSize(), input);
        TensorId output = result(d.name(), "output", fc.outputSize(), d.output(), last,
                d.name() + " output [" + fc.outputSize() + "]");
        add(new FullyConnectedCall(d.name(), "params", "dense layer", fc, 1, input, null, output));
        trace(d.tracedOutputs().get(0), output);
        return output;
    }

    private TensorId softmax(SoftmaxLayer s, TensorId input, boolean last) {
        requireInput(s.name(), s.rowSize(), input);
        TensorId output = result(s.name(), "output", s.rowSize(), FixedGrids.PROBABILITY, last,
                s.name() + " output [" + s.rowSize() + "]");
        add(new SoftmaxCall(s.name(), "class probabilities", 1, s.rowSize(), s.mult(), s.shift(), s.diffMin(), input,
                output));
        trace(s.tracedOutputs().get(0), output);
        return output;
    }

    private void add(KernelCall call) {
        calls.add(call);
    }

    /** In a stream a traced tensor is this step's part: its buffer's size, one step. */
    private void trace(Layer.TracedTensor clipTraced, TensorId tensor) {
        Layer.TracedTensor traced = streaming == null ? clipTraced
                : new Layer.TracedTensor(clipTraced.name(), tensors.get(tensor.index()).size(), 1);
        if (traced.size() != tensors.get(tensor.index()).size()) {
            throw new IllegalArgumentException("traced tensor " + traced.name() + " holds " + traced.size()
                    + " bytes but its buffer " + tensors.get(tensor.index()).size());
        }
        traces.add(new TracePoint(traced, tensor, calls.size() - 1));
    }

    /** The network's output buffer when {@code last}, otherwise a new arena activation. */
    private TensorId result(String layer, String role, int size, TensorQuant quant, boolean last, String description) {
        return last ? tensor(layer, role, size, TensorKind.OUTPUT, quant, null, 0, description)
                : tensor(layer, role, size, TensorKind.ACTIVATION, quant, null, 0, description);
    }

    /**
     * An arena activation inside a layer; its grid is {@code quant}, or when that is {@code null} an affine grid
     * known only by its zero point ({@code outputOffset} of the call that writes it), with a placeholder scale.
     */
    private TensorId activation(String layer, String role, int size, int zeroPoint, TensorQuant quant,
                                String description) {
        TensorQuant grid = quant != null ? quant : new TensorQuant(1f, zeroPoint);
        return tensor(layer, role, size, TensorKind.ACTIVATION, grid, null, 0, description);
    }

    private TensorId scratch(String layer, int size, String description) {
        return tensor(layer, "scratch", size, TensorKind.SCRATCH, null, null, 0, description);
    }

    private TensorId state(String layer, String role, int size, TensorQuant quant, byte resetValue,
                           String description) {
        return tensor(layer, role, size, TensorKind.STATE, quant, null, 0, resetValue, description);
    }

    private TensorId tensor(String layer, String role, int size, TensorKind kind, TensorQuant quant, TensorId base,
                            int offset, String description) {
        return tensor(layer, role, size, kind, quant, base, offset, (byte) 0, description);
    }

    private TensorId tensor(String layer, String role, int size, TensorKind kind, TensorQuant quant, TensorId base,
                            int offset, byte resetValue, String description) {
        TensorId id = new TensorId(tensors.size());
        Tensor t = new Tensor(id, layer, role, size, kind, quant, base, offset, resetValue, description);
        if (!names.add(t.name())) {
            throw new IllegalArgumentException("two tensors of the model are named " + t.name()
                    + "; rename a layer");
        }
        tensors.add(t);
        return id;
    }

    /**
     * First and last call touching each arena tensor, through views to their bases, in tensor order; state lives
     * through every call, since its bytes must survive until the next step.
     */
    private List<BufferRequest> lifetimes() {
        Map<Integer, int[]> spans = new LinkedHashMap<>();
        for (int step = 0; step < calls.size(); step++) {
            KernelCall call = calls.get(step);
            List<TensorId> used = new ArrayList<>(call.reads());
            used.addAll(call.writes());
            for (TensorId id : used) {
                Tensor t = KernelProgram.storage(tensors, id);
                if (t.inArena()) {
                    int s = step;
                    spans.merge(t.id().index(), new int[] {s, s},
                            (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                }
            }
        }
        List<BufferRequest> requests = new ArrayList<>();
        for (Tensor t : tensors) {
            if (t.inArena()) {
                int[] span = spans.get(t.id().index());
                if (span == null) {
                    throw new IllegalStateException("tensor " + t.name() + " is never used");
                }
                boolean kept = t.kind() == TensorKind.STATE;
                requests.add(new BufferRequest(t.name(), t.size(), kept ? 0 : span[0],
                        kept ? calls.size() - 1 : span[1]));
            }
        }
        return requests;
    }

    private void requireInput(String layer, int expected, TensorId input) {
        int actual = tensors.get(input.index()).size();
        if (expected != actual) {
            throw new IllegalArgumentException("layer " + layer + ": expects " + expected
                    + " input values but the previous layer produces " + actual);
        }
    }

    private static void requireFc(String layer, FullyConnected fc, int inputs, int outputs, boolean weights) {
        if (fc.inputSize() != inputs || fc.outputSize() != outputs || (fc.weights() != null) != weights) {
            throw new IllegalArgumentException("layer " + layer + ": a projection is " + fc.outputSize() + " x "
                    + fc.inputSize() + (fc.weights() == null ? " without" : " with") + " constant weights, expected "
                    + outputs + " x " + inputs + (weights ? " with" : " without") + " constant weights");
        }
    }
}
