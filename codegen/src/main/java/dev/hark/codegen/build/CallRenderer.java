package dev.hark.codegen.build;

import dev.hark.codegen.model.AddParamsInitializer;
import dev.hark.codegen.model.AttentionScoresCall;
import dev.hark.codegen.model.CDims;
import dev.hark.codegen.model.ConvCall;
import dev.hark.codegen.model.ConvParamsConstant;
import dev.hark.codegen.model.FcParamsInitializer;
import dev.hark.codegen.model.FullyConnectedCall;
import dev.hark.codegen.model.GruCall;
import dev.hark.codegen.model.GruParamsConstant;
import dev.hark.codegen.model.LastStepCall;
import dev.hark.codegen.model.LutCall;
import dev.hark.codegen.model.MulParamsInitializer;
import dev.hark.codegen.model.Scratch;
import dev.hark.codegen.model.SoftmaxCall;
import dev.hark.codegen.model.TransposeCall;
import dev.hark.codegen.model.WindowPushCall;
import dev.hark.codegen.writer.ModelElement;
import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.kernels.HarkSoftmaxS8;
import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.program.ConvolveCall;
import dev.hark.sim.program.KernelCall;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.TensorId;
import dev.hark.sim.program.TensorKind;
import dev.hark.sim.program.plan.PlannedBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders each kernel call of a {@link KernelProgram} as its C: the call's constants go to
 * {@code hark_model_data.*} through the {@link Assembly}, the call itself becomes one model element of
 * {@code hark_network.c}. One method per call kind; the program has decided everything else (operands, order,
 * scratch, arena offsets).
 */
final class CallRenderer implements KernelCall.Visitor<ModelElement> {
    private static final String[] GATES = {"r", "z", "n"};

    private final Assembly a;
    private final KernelProgram program;

    /**
     * The transposes whose copy no kernel needs, by the tensor they would write: the one fully connected call that
     * reads the copy takes it as its filter, so it runs as hark_fully_connected_transposed_s8 on the transpose's
     * input in place (the attention's weighted sum of the hidden states).
     */
    private final Map<TensorId, dev.hark.sim.program.TransposeCall> readInPlace = new HashMap<>();

    /**
     * The attention's score chains run as one hark_attention_scores_s8 call, by their energy projection: the energy
     * projection, the tanh of its outputs and the score projection, three calls in a row whose energies no other
     * call reads and nothing traces.
     */
    private final Map<KernelCall, ScoreChain> scoreChains = new HashMap<>();
    /** The tanh and score projection calls of the chains, which the code leaves out. */
    private final Set<KernelCall> chained = new HashSet<>();

    /** An energy projection, its tanh and the score projection. */
    private record ScoreChain(dev.hark.sim.program.FullyConnectedCall energy, dev.hark.sim.program.LutCall tanh,
                              dev.hark.sim.program.FullyConnectedCall score) {
    }

    CallRenderer(Assembly a, KernelProgram program) {
        this.a = a;
        this.program = program;
        List<KernelCall> calls = program.calls();
        for (KernelCall call : calls) {
            if (call instanceof dev.hark.sim.program.TransposeCall t && onlyFilterOfOneCall(t)) {
                readInPlace.put(t.output(), t);
            }
        }
        for (int i = 0; i + 2 < calls.size(); i++) {
            if (calls.get(i) instanceof dev.hark.sim.program.FullyConnectedCall energy
                    && calls.get(i + 1) instanceof dev.hark.sim.program.LutCall tanh
                    && calls.get(i + 2) instanceof dev.hark.sim.program.FullyConnectedCall score
                    && scoreChain(i, energy, tanh, score)) {
                scoreChains.put(energy, new ScoreChain(energy, tanh, score));
                chained.add(tanh);
                chained.add(score);
            }
        }
    }

    /**
     * Whether calls i to i + 2 are an energy projection, a table lookup of all its outputs and a projection of those
     * to one score a row, with constant weights, whose intermediate tensors no other call reads and nothing traces,
     * and whose scores lie apart from the hidden states (the scores of two rows are written before the next rows are
     * read).
     */
    private boolean scoreChain(int i, dev.hark.sim.program.FullyConnectedCall energy,
                               dev.hark.sim.program.LutCall tanh, dev.hark.sim.program.FullyConnectedCall score) {
        if (energy.runtimeWeights() != null || score.runtimeWeights() != null
                || !tanh.input().equals(energy.output()) || !score.input().equals(tanh.output())
                || tanh.size() != energy.batches() * energy.fc().outputSize() || score.batches() != energy.batches()
                || score.fc().inputSize() != energy.fc().outputSize() || score.fc().outputSize() != 1
                || !program.tracesAfter(i).isEmpty() || !program.tracesAfter(i + 1).isEmpty()
                || !apart(energy.input(), score.output())) {
            return false;
        }
        Set<TensorId> between = new HashSet<>(List.of(energy.output(), tanh.output()));
        for (TensorId id : between) {
            if (program.tensor(id).kind() != TensorKind.ACTIVATION
                    || program.traces().stream().anyMatch(p -> p.tensor().equals(id))) {
                return false;
            }
        }
        List<KernelCall> calls = program.calls();
        for (int j = 0; j < calls.size(); j++) {
            if (j != i + 1 && j != i + 2 && calls.get(j).reads().stream().anyMatch(between::contains)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the transposed copy is read by exactly one call, a fully connected call that takes it as its filter
     * ([outputs][depth], so that the transpose's input is the filter as [depth][outputs]), and is neither traced nor
     * anything but an activation.
     */
    private boolean onlyFilterOfOneCall(dev.hark.sim.program.TransposeCall t) {
        if (program.tensor(t.output()).kind() != TensorKind.ACTIVATION
                || program.traces().stream().anyMatch(p -> p.tensor().equals(t.output()))) {
            return false;
        }
        List<KernelCall> readers = program.calls().stream().filter(c -> c.reads().contains(t.output())).toList();
        return readers.size() == 1 && readers.get(0) instanceof dev.hark.sim.program.FullyConnectedCall fc
                && t.output().equals(fc.runtimeWeights()) && !t.output().equals(fc.input())
                && fc.fc().inputSize() == t.rows() && fc.fc().outputSize() == t.cols()
                && apart(t.input(), fc.output());
    }

    /**
     * Whether two arena tensors share no byte. The memory planner may place the output of the call that reads a
     * transposed copy over the copy's source, which the copy has made dead; read in place, the source must then
     * keep its bytes until the call's last output is written.
     */
    private boolean apart(TensorId first, TensorId second) {
        Tensor a = program.tensor(first);
        Tensor b = program.tensor(second);
        if (!a.inArena() || !b.inArena()) {
            return false;
        }
        PlannedBuffer x = program.arena().get(a.name());
        PlannedBuffer y = program.arena().get(b.name());
        return x.offset() + x.size() <= y.offset() || y.offset() + y.size() <= x.offset();
    }

    /**
     * Whether the code leaves the call out: a transpose whose reader reads its input in place, the tanh and score
     * projection of a score chain.
     */
    boolean leftOut(KernelCall call) {
        return call instanceof dev.hark.sim.program.TransposeCall t && readInPlace.containsKey(t.output())
                || chained.contains(call);
    }

    /**
     * The arena tensors no call of the code touches (the copies of the transposes left out, the energies of the score
     * chains), by name.
     */
    Set<String> untouchedTensors() {
        Set<String> names = new HashSet<>();
        for (TensorId id : readInPlace.keySet()) {
            names.add(program.tensor(id).name());
        }
        for (ScoreChain chain : scoreChains.values()) {
            names.add(program.tensor(chain.energy().output()).name());
            names.add(program.tensor(chain.tanh().output()).name());
        }
        return names;
    }

    /** The C expression of a tensor's first byte: a parameter of the run function, an arena pointer or a view. */
    String expression(TensorId id) {
        Tensor t = program.tensor(id);
        return switch (t.kind()) {
            case FEATURES -> "features";
            case OUTPUT -> "output";
            case ACTIVATION, SCRATCH, STATE, VIEW -> CFormat.identifier(t.name());
        };
    }

    @Override
    public ModelElement convolve(ConvolveCall c) {
        String layer = c.layer();
        CmsisNnDims f = c.filterDims();
        int outC = f.n();
        String shape = "[" + outC + "][" + f.h() + "][" + f.w() + "][" + f.c() + "]";
        String filterText = layer + " filter: int8 " + shape + " (output channel, kernel row, kernel column, input"
                + " channel), symmetric per output channel (zero point 0)";
        String weights = switch (c.kernel()) {
            case CMSIS_NN_WRAPPER -> a.int8Array(a.constantName(layer, "weights"), c.weights(), true,
                    filterText + ".");
            case HARK_ONE_CHANNEL -> {
                short[] widened = HarkConvolve1chS8.widenFilter(f, c.weights());
                yield a.int16Array(a.constantName(layer, "widened_weights"), widened, true, filterText
                        + ", widened for hark_convolve_1ch_s8 (hark_convolve_1ch_s8_widen_filter): int16 ["
                        + (outC + 1) / 2 + "][" + f.h() + "][" + 2 * HarkConvolve1chS8.widenedRowLength(f.w())
                        + "], the channels in pairs, each kernel row's taps interleaved as the kernel's input pairs"
                        + " meet them. Flash: " + widened.length * Short.BYTES + " bytes where the int8 filter takes "
                        + c.weights().length + "; the kernel then needs no scratch in the arena.");
            }
        };
        String bias = a.int32Array(a.constantName(layer, "bias"), c.bias(), true, layer + " bias: int32 ["
                + outC + "], per output channel, in units of input scale x that channel's weight scale.");
        String multipliers = a.int32Array(a.constantName(layer, "multipliers"), c.quant().multiplier(), false,
                layer + " requantization multipliers: Q31 [" + outC + "], per output channel; the real scale is"
                        + " multiplier x 2^(shift - 31).");
        String shifts = a.int32Array(a.constantName(layer, "shifts"), c.quant().shift(), false, layer
                + " requantization shifts: [" + outC + "], per output channel; positive shifts left.");
        String params = a.constantName(layer, "params");
        String quantParams = a.constantName(layer, "quant_params");
        CmsisNnConvParams p = c.conv();
        String paramsText = layer + ": input offset " + p.inputOffset() + " (minus the input zero point), output"
                + " offset " + p.outputOffset() + " (output scale " + c.outputQuant().scale() + ", zero point "
                + c.outputQuant().zeroPoint() + "), stride " + p.stride().h() + " x " + p.stride().w() + ", padding "
                + p.padding().h() + " x " + p.padding().w() + " (rows x columns), output clamped to ["
                + p.activation().min() + ", " + p.activation().max() + "].";
        a.constants.add(new ConvParamsConstant(params, quantParams, a.comment(paramsText), p.inputOffset(),
                p.outputOffset(), p.stride().w(), p.stride().h(), p.padding().w(), p.padding().h(), p.dilation().w(),
                p.dilation().h(), p.activation().min(), p.activation().max(), multipliers, shifts));
        a.declare("cmsis_nn_conv_params", params, 0, paramsText);
        a.declare("cmsis_nn_per_channel_quant_params", quantParams, 0, layer
                + " per-channel requantization (multipliers and shifts).");
        CmsisNnDims in = c.inputDims();
        CmsisNnDims out = c.outputDims();
        List<String> bufferSizeArguments = switch (c.kernel()) {
            case CMSIS_NN_WRAPPER -> List.of("&" + params, "&input_dims", "&filter_dims", "&output_dims");
            case HARK_ONE_CHANNEL -> List.of("&input_dims", "&filter_dims");
        };
        String kernelNote = switch (c.kernel()) {
            case CMSIS_NN_WRAPPER -> "";
            case HARK_ONE_CHANNEL -> " hark_convolve_1ch_s8: the same integers as arm_convolve_wrapper_s8, without"
                    + " its im2col copies or scratch (one input channel, no padding), on the widened filter.";
        };
        return new ConvCall(a.comment(layer + ": convolution " + f.h() + " x " + f.w() + ", stride "
                        + p.stride().h() + " x " + p.stride().w() + ", [" + in.h() + "][" + in.w() + "][" + in.c()
                        + "] -> [" + out.h() + "][" + out.w() + "][" + out.c() + "] (rows, columns, channels)."
                        + kernelNote),
                c.kernel().function(), bufferSizeArguments, scratch(c.scratch(), c.scratchBytes()), params, quantParams, dims(in), expression(c.input()),
                dims(f), weights, dims(c.biasDims()), bias, dims(out), expression(c.output()));
    }

    /** The constants of a fully connected call (its {@code hark_fc_s8_params}); returns their C name. */
    private String fcParams(dev.hark.sim.program.FullyConnectedCall c) {
        FullyConnected fc = c.fc();
        String label = label(c.layer(), c.part());
        String params = a.constantName(c.layer(), c.part());
        FcParamsInitializer value = a.fullyConnected(fc, params, "", label + " (" + c.purpose() + ")");
        String text = label + ": " + c.purpose() + ", fully connected " + fc.inputSize() + " -> " + fc.outputSize()
                + ", input offset " + fc.inputOffset() + ", output offset " + fc.outputOffset()
                + ", requantized by " + fc.multiplier() + " x 2^(" + fc.shift() + " - 31), output clamped to ["
                + fc.activationMin() + ", " + fc.activationMax() + "].";
        a.constants.add(new dev.hark.codegen.model.FcParamsConstant(params, a.comment(text), value));
        a.declare("hark_fc_s8_params", params, 0, text);
        return params;
    }

    /** The table of a lookup call; returns its C name. */
    private String lutTable(dev.hark.sim.program.LutCall c) {
        return a.int8Array(a.constantName(c.layer(), c.part()), c.table(), true, label(c.layer(), c.part()) + ": "
                + c.purpose() + ", int8 [256], entry k is the result for the input k - 128.");
    }

    @Override
    public ModelElement fullyConnected(dev.hark.sim.program.FullyConnectedCall c) {
        ScoreChain chain = scoreChains.get(c);
        if (chain != null) {
            return scores(chain);
        }
        FullyConnected fc = c.fc();
        String label = label(c.layer(), c.part());
        String params = fcParams(c);
        dev.hark.sim.program.TransposeCall transposed = c.runtimeWeights() == null ? null
                : readInPlace.get(c.runtimeWeights());
        String weights = c.runtimeWeights() == null ? params + ".weights"
                : expression(transposed != null ? transposed.input() : c.runtimeWeights());
        String rows = c.batches() == 1 ? "" : " for all " + c.batches() + " rows at once";
        String filter = c.runtimeWeights() == null ? "" : transposed != null ? "; the filter is " + weights + " as it"
                + " lies, [" + transposed.rows() + "][" + transposed.cols() + "], computed at run time; "
                + "hark_fully_connected_transposed_s8, arm_fully_connected_s8's integers on its transpose (no copy)."
                : "; the filter is " + weights + ", computed at run time";
        String kernel = transposed != null ? "" : "; hark_fully_connected_s8, arm_fully_connected_s8's integers.";
        // hark_fully_connected_s8: arm_fully_connected_s8's arguments and integers (the simulator runs
        // ArmFullyConnectedS8), two input rows by two output rows at a time on the DSP cores, no scratch.
        return new FullyConnectedCall(a.comment(label + ": " + c.purpose() + rows + ", [" + c.batches() + "]["
                + fc.inputSize() + "] -> [" + c.batches() + "][" + fc.outputSize() + "]" + filter + kernel),
                transposed != null ? "hark_fully_connected_transposed_s8" : "hark_fully_connected_s8", params,
                dims(c.inputDims()), expression(c.input()), dims(c.filterDims()), weights, dims(c.biasDims()),
                dims(c.outputDims()), expression(c.output()), Scratch.NONE);
    }

    /**
     * The three gates' projections of one operand of a GRU layer: each one's bias and initializer, and its weights in
     * both forms ({@link Assembly#gruWeights}), the initializer naming the int8 ones and {@code wide} the widened.
     *
     * @param role    {@code input} or {@code hidden}, in the C names
     * @param matrix  {@code i} or {@code h}: W_i or W_h in the comments
     * @param operand {@code x} or {@code h}, what the matrix multiplies
     */
    private void gruProjections(String layer, String role, String matrix, String operand, FullyConnected[] fcs,
                                String why, List<FcParamsInitializer> initializers, List<String> wide) {
        String id = CFormat.identifier(layer);
        for (int i = 0; i < 3; i++) {
            String prefix = "hark_" + id + "_" + role + "_" + GATES[i];
            String what = layer + " " + role + " projection of gate " + GATES[i] + " (W_" + matrix + GATES[i] + ")";
            FcParamsInitializer fc = a.fullyConnected(fcs[i], prefix, "gate " + GATES[i] + ": W_" + matrix + GATES[i]
                    + " " + operand + " + b_" + matrix + GATES[i], what, false);
            Assembly.ByCoreWeights weights = a.gruWeights(fcs[i], prefix, what, why);
            initializers.add(fc.withWeights("HARK_GRU_INT8_WEIGHTS(" + weights.int8() + ")"));
            wide.add("HARK_GRU_WIDE_WEIGHTS(" + weights.widened() + ")");
        }
    }

    @Override
    public ModelElement gru(dev.hark.sim.program.GruCall c) {
        GruLayer g = c.params();
        String layer = c.layer();
        List<FcParamsInitializer> inputFc = new ArrayList<>();
        List<FcParamsInitializer> hiddenFc = new ArrayList<>();
        List<String> inputWide = new ArrayList<>();
        List<String> hiddenWide = new ArrayList<>();
        // With the DSP extension hark_gru_s8 reads the matrices widened to int16 (input_weights_wide,
        // hidden_weights_wide), for dot products without a sign extension per weight pair, at twice the int8
        // matrices' flash; without it the int8 ones are as fast and half the size. The data file holds both forms,
        // one compiled by core (HARK_GRU_WIDENED_WEIGHTS, hark_nn_types.h).
        String why = "hark_gru_s8 multiplies them in pairs as they lie (SMLAD) where int8 weights need a sign"
                + " extension (SXTB16) a pair, at twice the int8 weights' flash.";
        gruProjections(layer, "input", "i", "x", g.inputFc(), why, inputFc, inputWide);
        gruProjections(layer, "hidden", "h", "h", g.hiddenFc(), why, hiddenFc, hiddenWide);
        List<String> tables = List.of(
                table(layer, "sigmoid_r", g.sigmoidR(), "sigmoid of the r gate", g.mulRHn().input1Offset()),
                table(layer, "sigmoid_z", g.sigmoidZ(), "sigmoid of the z gate", g.mulZH().input1Offset()),
                table(layer, "one_minus_sigmoid_z", g.oneMinusSigmoidZ(), "1 - sigmoid of the z gate",
                        g.mulZcN().input1Offset()),
                table(layer, "tanh_n", g.tanhN(), "tanh of the n gate", g.mulZcN().input2Offset()));
        List<AddParamsInitializer> adds = List.of(add("add_r", g.addR()), add("add_z", g.addZ()),
                add("add_n", g.addN()), add("add_h", g.addH()));
        List<MulParamsInitializer> muls = List.of(mul("mul_r_hn", g.mulRHn()), mul("mul_zc_n", g.mulZcN()),
                mul("mul_z_h", g.mulZH()));
        List<String> addInputs = List.of(addInputs(layer, "add_r", g.addR()), addInputs(layer, "add_z", g.addZ()),
                addInputs(layer, "add_n", g.addN()), addInputs(layer, "add_h", g.addH()));
        String params = a.constantName(layer, "params");
        String text = layer + ": GRU " + g.inputSize() + " -> " + g.hiddenSize() + " over " + c.steps()
                + " steps, gates r, z, n in PyTorch order; the hidden state is int8 with scale "
                + g.output().scale() + " and zero point " + g.output().zeroPoint() + ".";
        a.constants.add(new GruParamsConstant(params, a.comment(text), g.inputSize(), g.hiddenSize(), inputFc,
                hiddenFc, adds, muls, tables, addInputs, inputWide, hiddenWide));
        a.declare("hark_gru_s8_params", params, 0, text);
        String start = c.state() == null ? " (h starts at 0)." : "; h starts from the state kept from the last step.";
        return new GruCall(a.comment(layer + ": GRU [" + c.steps() + "][" + g.inputSize() + "] -> [" + c.steps()
                + "][" + g.hiddenSize() + "], the hidden state after every step" + start),
                scratch(c.scratch(), c.scratchBytes()), params, c.steps(), expression(c.input()),
                c.state() == null ? "NULL" : expression(c.state()), expression(c.output()));
    }

    /** A score chain as one hark_attention_scores_s8 call. */
    private ModelElement scores(ScoreChain chain) {
        dev.hark.sim.program.FullyConnectedCall e = chain.energy();
        dev.hark.sim.program.FullyConnectedCall s = chain.score();
        String energy = fcParams(e);
        String table = lutTable(chain.tanh());
        String score = fcParams(s);
        return new AttentionScoresCall(a.comment(e.layer() + ": " + e.purpose() + " (" + e.part() + "), "
                + chain.tanh().purpose() + " and " + s.purpose() + " (" + s.part() + ") for all " + e.batches()
                + " rows, [" + e.batches() + "][" + e.fc().inputSize() + "] -> [" + e.batches() + "]["
                + e.fc().outputSize() + "] -> [" + e.batches() + "][1]; hark_attention_scores_s8, the integers of"
                + " arm_fully_connected_s8, hark_lut_s8 and arm_fully_connected_s8, the energies not stored."),
                energy, table, score, e.batches(), e.fc().inputSize(), e.fc().outputSize(), expression(e.input()),
                expression(s.output()));
    }

    @Override
    public ModelElement lut(dev.hark.sim.program.LutCall c) {
        String table = lutTable(c);
        boolean inPlace = c.input().equals(c.output());
        return new LutCall(a.comment(c.layer() + ": " + c.purpose() + ", " + c.size() + " values"
                + (inPlace ? " in place." : ".")), expression(c.input()), expression(c.output()), c.size(), table);
    }

    @Override
    public ModelElement softmax(dev.hark.sim.program.SoftmaxCall c) {
        String table = a.int32Array(a.constantName(c.layer(), "softmax_exp"),
                HarkSoftmaxS8.expTable(c.mult(), c.shift(), c.diffMin()), true, c.layer() + " softmax: int32 ["
                        + HarkSoftmaxS8.TABLE_SIZE + "], entry k the Q0.31 exponential of the difference -k to the"
                        + " row's maximum as arm_softmax_s8 computes it (input multiplier " + c.mult() + ", left shift "
                        + c.shift() + "), 0 below the smallest difference that counts (" + c.diffMin() + ").");
        return new SoftmaxCall(a.comment(c.layer() + ": " + c.purpose() + ", softmax over " + c.rowSize()
                + " values; the output has scale 1/256 and zero point -128, so q + 128 is the probability in 1/256"
                + " steps. hark_softmax_s8: arm_softmax_s8's integers, each exponential read from the table."),
                expression(c.input()), c.rows(), c.rowSize(), table, expression(c.output()));
    }

    @Override
    public ModelElement transpose(dev.hark.sim.program.TransposeCall c) {
        return new TransposeCall(a.comment(c.layer() + ": [" + c.rows() + "][" + c.cols() + "] transposed to ["
                + c.cols() + "][" + c.rows() + "] " + c.purpose() + "."), expression(c.input()), expression(c.output()), c.rows(),
                c.cols());
    }

    @Override
    public ModelElement lastStep(dev.hark.sim.program.LastStepCall c) {
        boolean copy = program.tensor(c.output()).kind() == TensorKind.OUTPUT;
        String sequence = expression(c.input());
        String what = c.layer() + ": the hidden state after the last of " + c.steps() + " steps, h["
                + (c.steps() - 1) + "], bytes " + c.offset() + " to " + (c.offset() + c.size() - 1) + " of "
                + sequence;
        return new LastStepCall(a.comment(what + (copy ? ", copied to the output."
                : "; the next layer reads it in place.")), sequence, c.offset(), c.size(), expression(c.output()),
                copy);
    }

    @Override
    public ModelElement windowPush(dev.hark.sim.program.WindowPushCall c) {
        return new WindowPushCall(a.comment(c.layer() + ": " + c.purpose() + ", a window of " + c.slots() + " x "
                + c.slotSize() + " bytes, takes the newest step and drops the oldest."), expression(c.window()),
                c.slotSize(), c.slots(), expression(c.input()));
    }

    private String table(String layer, String what, byte[] values, String description, int consumerOffset) {
        return a.int8Array(a.constantName(layer, what), values, false, layer + " " + description
                + ": int8 [256], entry k is the result for the pre-activation k - 128; output zero point "
                + (-consumerOffset) + ".");
    }

    /** An addition's input scaling for every int8 value, which hark_gru_s8 reads instead of computing it. */
    private String addInputs(String layer, String add, ElementwiseAdd p) {
        return a.int32Array(a.constantName(layer, add + "_inputs"), HarkGruS8.addInputTable(program.rounding(), p),
                false, layer + " " + add + ": each input's scaling to the common scale, int32 [2][256], input 1 then "
                        + "input 2, entry v + 128 for the int8 value v.");
    }

    private static AddParamsInitializer add(String field, ElementwiseAdd p) {
        return new AddParamsInitializer(field, p.input1Offset(), p.input1Mult(), p.input1Shift(), p.input2Offset(),
                p.input2Mult(), p.input2Shift(), p.leftShift(), p.outOffset(), p.outMult(), p.outShift(),
                p.activationMin(), p.activationMax());
    }

    private static MulParamsInitializer mul(String field, ElementwiseMul p) {
        return new MulParamsInitializer(field, p.input1Offset(), p.input2Offset(), p.outOffset(), p.outMult(),
                p.outShift(), p.activationMin(), p.activationMax());
    }

    /** The context of a scratch tensor: its arena pointer and planned size, or none. */
    private Scratch scratch(TensorId scratch, int bytes) {
        return scratch == null ? Scratch.NONE : new Scratch(expression(scratch), bytes);
    }

    private static CDims dims(CmsisNnDims d) {
        return new CDims(d.n(), d.h(), d.w(), d.c());
    }

    /** {@code layer} for the one projection of a dense layer, {@code layer part} for a part of a larger layer. */
    private static String label(String layer, String part) {
        return part.equals("params") ? layer : layer + " " + part;
    }
}
