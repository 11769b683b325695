package dev.hark.trainer.qat;

import dev.hark.trainer.model.EngineArrays;
import static dev.hark.sim.model.FixedGrids.HIDDEN;
import static dev.hark.sim.model.FixedGrids.PROBABILITY;
import static dev.hark.sim.model.FixedGrids.SIGMOID;
import static dev.hark.sim.model.FixedGrids.TANH;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.TensorObserver;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.ActivationGrids;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRNN with fake quantization at every tensor the integer network materializes ({@code docs/integer-network.md}),
 * written out in NDArray ops so that each intermediate exists (DJL's fused GRU hides them). Forward values follow the
 * integer network; gradients are straight-through ({@link FakeQuant}).
 *
 * <p>Parameters are exactly {@link CrnnWeights}'s tensors, same names and element order, with the input
 * standardization already folded into the convolution: the block consumes raw dequantized features
 * {@code [batch][frames][mels]} and returns the fake-quantized logits {@code [batch][classes]}.
 *
 * <p>Scheme (s = scale; grids of calibrated tensors come from {@link ActivationGrids}, frozen):
 * <ul>
 *   <li>conv: per-channel symmetric weights, bias at {@code s_in s_w[c]}, output on grid {@code conv};</li>
 *   <li>every FC (GRU gates, attention, classifier): per-matrix symmetric weights, bias at {@code s_in s_w};</li>
 *   <li>GRU step: {@code gx_g}, {@code gh_g}, {@code pre_r}, {@code pre_z}, {@code r_hn}, {@code pre_n} on their
 *       grids; {@code r}, {@code z}, {@code 1-z} = sigmoid / sigmoid(-x) of the quantized pre-activation on
 *       1/256 (zp -128); {@code n} = tanh on 1/128; {@code h = fq_h(P((1-z) n) + P(z h))} on 1/128
 *       (zp 0), like the two MULs and the ADD, where P reproduces the MUL's requantization exactly
 *       ({@link FakeQuant#hiddenProduct});</li>
 *   <li>attention: {@code att.energy}, tanh on 1/128, {@code att.score}, softmax on 1/256 (zp -128), context
 *       {@code P(sum_t alpha_t h_t)}; without attention the last step's h;</li>
 *   <li>{@code logits} on its grid.</li>
 * </ul>
 * Rounding is half away from zero, as CMSIS-NN's requantization and the tables round. Not modelled: the 2^20
 * pre-scaling inside the integer ADD, the rounding inside the 31-bit multipliers, and {@code arm_softmax_s8}'s
 * own exp approximation (each moves a value by at most one step, and only near a rounding boundary).
 *
 * <p>{@link #unquantized} builds the block with every rounding left out: then it computes the float network, as
 * {@link dev.hark.trainer.floatref.FloatCrnn} and {@link dev.hark.trainer.model.CrnnBlock} do, which is how the
 * tests check that this block's structure (gate order, bias placement, layouts) is the network's.
 */
public final class QatCrnnBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final CrnnConfig config;
    /** The input's grid and the calibrated tensors' grids; both null when the block runs in float. */
    private final TensorQuant inputQuant;
    private final ActivationGrids grids;
    private final Map<String, Parameter> tensors = new LinkedHashMap<>();
    /**
     * Receives {@code conv}, {@code gru<l>}, {@code att.energy}, {@code att.score}, {@code context} and
     * {@code logits} as {@link dev.hark.trainer.floatref.FloatCrnn} names them, batch first, for comparing the
     * two.
     */
    TensorObserver observer = TensorObserver.NONE;

    /**
     * @param config     the network shape
     * @param inputQuant the grid of the front end's int8 features (the convolution's input)
     * @param grids      the frozen grids of the calibrated tensors ({@link FrozenGrids})
     */
    public QatCrnnBlock(CrnnConfig config, TensorQuant inputQuant, ActivationGrids grids) {
        super(VERSION);
        this.config = config;
        this.inputQuant = inputQuant;
        this.grids = grids;
        for (Map.Entry<String, Shape> e : shapes(config).entrySet()) {
            String name = e.getKey();
            Parameter.Type type = name.contains(".b") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT;
            tensors.put(name, addParameter(Parameter.builder().setName(name).setType(type).optShape(e.getValue())
                    .build()));
        }
    }

    /** The block with every rounding left out (see the class comment). */
    static QatCrnnBlock unquantized(CrnnConfig config) {
        return new QatCrnnBlock(config, null, null);
    }

    public CrnnConfig config() {
        return config;
    }

    /** Overwrites every parameter with {@code weights} (which must have this block's config shapes). */
    public void load(CrnnWeights weights) {
        for (Map.Entry<String, Parameter> e : tensors.entrySet()) {
            EngineArrays.overwrite(e.getValue().getArray(), weights.get(e.getKey()));
        }
    }

    /** The current (float, not quantized) parameters as {@link CrnnWeights}. */
    public CrnnWeights weights() {
        Map<String, float[]> values = new LinkedHashMap<>();
        tensors.forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        return CrnnWeights.of(config, values);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        Affine conv = affine(store, x, "conv.weight", "conv.bias", inputQuant, true);
        NDArray convOut = Conv2d.conv2d(x.expandDims(1), conv.weight(), conv.bias(),
                new Shape(config.strideTime(), config.strideMel())).singletonOrThrow(); // [B][C][T'][F']
        NDArray sequence = convOut.transpose(0, 2, 3, 1).reshape(batch, config.convSteps(), -1);
        sequence = act(sequence, "conv");
        TensorQuant sequenceGrid = calibratedGrid("conv");
        observe("conv", sequence);
        for (int l = 1; l <= config.gruLayers(); l++) {
            sequence = gru(store, "gru" + l, sequence, sequenceGrid);
            sequenceGrid = HIDDEN;
            observe("gru" + l, sequence);
        }
        NDArray context = config.attention() ? attention(store, sequence) : sequence.get(":, -1, :");
        observe("context", context);
        NDArray logits = fc(store, "fc.w", "fc.b", context, HIDDEN, "logits");
        observe("logits", logits);
        return new NDList(logits);
    }

    private NDArray gru(ParameterStore store, String name, NDArray in, TensorQuant inGrid) {
        List<String> gates = CrnnWeights.GATES;
        NDArray[] gx = new NDArray[3];
        Affine[] hh = new Affine[3];
        for (int g = 0; g < 3; g++) {
            gx[g] = fc(store, name + ".w_ih_" + gates.get(g), name + ".b_ih_" + gates.get(g), in, inGrid,
                    name + ".gx_" + gates.get(g)); // all steps at once, as the batched FC call
            hh[g] = affine(store, in, name + ".w_hh_" + gates.get(g), name + ".b_hh_" + gates.get(g), HIDDEN,
                    false);
        }
        long batch = in.getShape().get(0);
        NDArray h = in.getManager().zeros(new Shape(batch, config.gruHidden()));
        NDList outputs = new NDList();
        for (int t = 0; t < config.convSteps(); t++) {
            NDArray[] gh = new NDArray[3];
            for (int g = 0; g < 3; g++) {
                gh[g] = act(h.matMul(hh[g].weight().transpose()).add(hh[g].bias()), name + ".gh_" + gates.get(g));
            }
            String step = ":, " + t + ", :";
            NDArray preR = act(gx[0].get(step).add(gh[0]), name + ".pre_r");
            NDArray preZ = act(gx[1].get(step).add(gh[1]), name + ".pre_z");
            NDArray r = onGrid(Activation.sigmoid(preR), SIGMOID);
            NDArray z = onGrid(Activation.sigmoid(preZ), SIGMOID);
            NDArray zc = onGrid(Activation.sigmoid(preZ.neg()), SIGMOID);
            NDArray rHn = act(r.mul(gh[2]), name + ".r_hn");
            NDArray preN = act(gx[2].get(step).add(rHn), name + ".pre_n");
            NDArray n = onGrid(preN.tanh(), TANH);
            h = onGrid(hiddenProduct(zc.mul(n)).add(hiddenProduct(z.mul(h))), HIDDEN);
            outputs.add(h);
        }
        return NDArrays.stack(outputs, 1); // [B][T'][H]
    }

    private NDArray attention(ParameterStore store, NDArray h) {
        NDArray energy = fc(store, "att.w1", "att.b1", h, HIDDEN, "att.energy");
        observe("att.energy", energy);
        NDArray e = onGrid(energy.tanh(), TANH);
        NDArray score = fc(store, "att.w2", "att.b2", e, TANH, "att.score"); // [B][T'][1]
        observe("att.score", score);
        NDArray alpha = onGrid(score.softmax(1), PROBABILITY);
        return hiddenProduct(h.mul(alpha).sum(new int[] {1}));
    }

    /** {@code fq(W_q x + b_q)} on the grid of {@code output}; x on {@code inGrid}, W [out][in]. */
    private NDArray fc(ParameterStore store, String weight, String bias, NDArray x, TensorQuant inGrid,
                       String output) {
        Affine fc = affine(store, x, weight, bias, inGrid, false);
        return act(x.matMul(fc.weight().transpose()).add(fc.bias()), output);
    }

    /** A layer's weight and bias as the integer network holds them, or as they are in float. */
    private record Affine(NDArray weight, NDArray bias) {
    }

    /**
     * Symmetric int8 weights (per output channel, or one scale for the matrix) and the bias at the accumulator's
     * scale {@code s_in s_w}; in float the parameters themselves.
     *
     * @param inGrid the grid of the layer's input (null in float)
     */
    private Affine affine(ParameterStore store, NDArray like, String weight, String bias, TensorQuant inGrid,
                          boolean perChannel) {
        NDArray w = value(store, like, weight);
        NDArray b = value(store, like, bias);
        if (grids == null) {
            return new Affine(w, b);
        }
        FakeQuant.Quantized q = perChannel ? FakeQuant.weightPerChannel(w) : FakeQuant.weight(w);
        return new Affine(q.value(), FakeQuant.bias(b, q.scale().mul(inGrid.scale())));
    }

    /** {@code x} on the frozen grid of the calibrated tensor {@code tensor}; in float {@code x}. */
    private NDArray act(NDArray x, String tensor) {
        return grids == null ? x : FakeQuant.activation(x, grids.grid(tensor));
    }

    /** {@code x} on one of the fixed grids; in float {@code x}. */
    private NDArray onGrid(NDArray x, TensorQuant fixed) {
        return grids == null ? x : FakeQuant.activation(x, fixed);
    }

    /** A probability times a hidden value requantized as the integer MUL does; in float the product. */
    private NDArray hiddenProduct(NDArray product) {
        return grids == null ? product : FakeQuant.hiddenProduct(product);
    }

    /** The frozen grid of a calibrated tensor; null in float, where no grid is used. */
    private TensorQuant calibratedGrid(String tensor) {
        return grids == null ? null : grids.grid(tensor);
    }

    private void observe(String name, NDArray value) {
        if (observer != TensorObserver.NONE) {
            observer.observe(name, value.toFloatArray());
        }
    }

    private NDArray value(ParameterStore store, NDArray like, String name) {
        return store.getValue(tensors.get(name), like.getDevice(), false);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), config.classes())};
    }

    /**
     * DJL shapes of the parameters: {@link CrnnWeights#shapesOf}'s, with the convolution filter as
     * {@code [C][1][KT][KM]} (the same element order as {@code [C][KT][KM][1]}).
     */
    private static Map<String, Shape> shapes(CrnnConfig config) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        CrnnWeights.shapesOf(config).forEach((name, shape) -> shapes.put(name, new Shape(Arrays.stream(shape)
                .asLongStream().toArray())));
        shapes.put("conv.weight", new Shape(config.convChannels(), 1, config.kernelTime(), config.kernelMel()));
        return shapes;
    }
}
