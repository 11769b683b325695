package dev.hark.trainer.quant;

import static dev.hark.sim.model.FixedGrids.HIDDEN;
import static dev.hark.sim.model.FixedGrids.PROBABILITY;
import static dev.hark.sim.model.FixedGrids.SIGMOID;
import static dev.hark.sim.model.FixedGrids.TANH;

import dev.hark.sim.quant.ActivationTables;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.quant.AddParams;
import dev.hark.sim.quant.QuantizedMultiplier;
import dev.hark.sim.quant.SoftmaxParams;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Post-training int8 quantization of the CRNN: turns float weights plus calibrated activation ranges into a
 * {@link QuantizedModel} whose every integer is ready for the CMSIS-NN kernels. The formulas are in
 * {@code docs/integer-network.md}; the choices, briefly:
 * <ul>
 *   <li>weights symmetric int8, per output channel for the convolution, per gate matrix elsewhere;</li>
 *   <li>biases int32 at {@code s_in * s_w}; activations affine int8 on calibrated grids
 *       ({@link ActivationGrids}: min-max, percentile or KL per tensor, see {@link CalibrationPlan});</li>
 *   <li>fixed grids where the range is known: the hidden state, tanh outputs and the attention context use
 *       1/128 with zero point 0, sigmoid and softmax outputs 1/256 with zero point -128;</li>
 *   <li>requantization multipliers by TFLite's {@code QuantizeMultiplier}, adds by its {@code add_common}
 *       derivation ({@code left_shift = 20}).</li>
 * </ul>
 */
public final class Quantizer {
    private static final int MIN = -128;
    private static final int MAX = 127;

    private final CrnnConfig config;
    private final FloatWeights weights;
    private final ActivationGrids grids;

    /** Min-max grids from {@code calibration} for every calibrated activation. */
    public Quantizer(CrnnConfig config, FloatWeights weights, Calibration calibration) {
        this(config, weights, (ActivationGrids) calibration);
    }

    /**
     * @param grids the grid of every calibrated activation (e.g. {@link CalibrationPlan#grids(Calibration)}, or
     *              the frozen grids of quantization-aware training); fixed grids are not asked for
     */
    public Quantizer(CrnnConfig config, FloatWeights weights, ActivationGrids grids) {
        this.config = config;
        this.weights = weights;
        this.grids = grids;
    }

    public QuantizedModel quantize(ModelInfo info, Rounding rounding) {
        List<Layer> layers = new ArrayList<>();
        ConvLayer conv = conv(info);
        layers.add(conv);
        TensorQuant input = conv.output();
        int inputSize = conv.outW() * conv.outC();
        int steps = conv.outH();
        for (int l = 1; l <= config.gruLayers(); l++) {
            layers.add(gru("gru" + l, steps, inputSize, input));
            input = HIDDEN;
            inputSize = config.gruHidden();
        }
        // Without attention the classifier reads the last GRU step as it is: on the hidden grid, no new integers.
        layers.add(config.attention() ? attention(steps) : new LastStepLayer("context", steps, config.gruHidden()));
        TensorQuant logits = activation("logits");
        layers.add(new DenseLayer("logits",
                fc(weights.get("fc.w"), weights.get("fc.b"), config.classes(), config.gruHidden(), HIDDEN, logits),
                logits));
        SoftmaxParams softmax = SoftmaxParams.of(1f, logits.scale());
        layers.add(new SoftmaxLayer("probs", config.classes(), softmax.mult(), softmax.shift(), softmax.diffMin()));
        return new QuantizedModel(info, rounding, layers);
    }

    private ConvLayer conv(ModelInfo info) {
        int outC = config.convChannels();
        int kh = config.kernelTime();
        int kw = config.kernelMel();
        int perChannel = kh * kw;
        float[] w = weights.get("conv.weight");
        float[] b = weights.get("conv.bias");
        TensorQuant in = info.inputQuant();
        TensorQuant out = activation("conv");
        byte[] q = new byte[w.length];
        int[] bias = new int[outC];
        int[] multipliers = new int[outC];
        int[] shifts = new int[outC];
        for (int c = 0; c < outC; c++) {
            WeightQuantizer.Quantized channel = WeightQuantizer.symmetric(w, c * perChannel, (c + 1) * perChannel);
            System.arraycopy(channel.values(), 0, q, c * perChannel, perChannel);
            double accScale = in.scale() * channel.scale();
            bias[c] = WeightQuantizer.bias(new float[] {b[c]}, accScale)[0];
            QuantizedMultiplier m = QuantizedMultiplier.of(accScale / out.scale());
            multipliers[c] = m.multiplier();
            shifts[c] = m.shift();
        }
        int outH = (info.frames() - kh) / config.strideTime() + 1;
        int outW = (info.melBins() - kw) / config.strideMel() + 1;
        return new ConvLayer("conv", info.frames(), info.melBins(), 1, outC, kh, kw, config.strideTime(),
                config.strideMel(), 0, 0, outH, outW, -in.zeroPoint(), out.zeroPoint(), MIN, MAX, q, bias,
                multipliers, shifts, out);
    }

    private GruLayer gru(String name, int steps, int inputSize, TensorQuant input) {
        int hidden = config.gruHidden();
        String[] gates = {"r", "z", "n"};
        FullyConnected[] inputFc = new FullyConnected[3];
        FullyConnected[] hiddenFc = new FullyConnected[3];
        TensorQuant[] gx = new TensorQuant[3];
        TensorQuant[] gh = new TensorQuant[3];
        for (int g = 0; g < 3; g++) {
            gx[g] = activation(name + ".gx_" + gates[g]);
            gh[g] = activation(name + ".gh_" + gates[g]);
            inputFc[g] = fc(weights.get(name + ".w_ih_" + gates[g]), weights.get(name + ".b_ih_" + gates[g]),
                    hidden, inputSize, input, gx[g]);
            hiddenFc[g] = fc(weights.get(name + ".w_hh_" + gates[g]), weights.get(name + ".b_hh_" + gates[g]),
                    hidden, hidden, HIDDEN, gh[g]);
        }
        TensorQuant preR = activation(name + ".pre_r");
        TensorQuant preZ = activation(name + ".pre_z");
        TensorQuant rHn = activation(name + ".r_hn");
        TensorQuant preN = activation(name + ".pre_n");
        return new GruLayer(name, steps, inputSize, hidden, inputFc, hiddenFc,
                add(gx[0], gh[0], preR), add(gx[1], gh[1], preZ), add(gx[2], rHn, preN), add(HIDDEN, HIDDEN, HIDDEN),
                mul(SIGMOID, gh[2], rHn), mul(SIGMOID, HIDDEN, HIDDEN),
                mul(SIGMOID, HIDDEN, HIDDEN),
                ActivationTables.sigmoid(preR), ActivationTables.sigmoid(preZ), ActivationTables.oneMinusSigmoid(preZ),
                ActivationTables.tanh(preN), HIDDEN);
    }

    private AttentionLayer attention(int steps) {
        int hidden = config.gruHidden();
        TensorQuant energy = activation("att.energy");
        TensorQuant score = activation("att.score");
        SoftmaxParams softmax = SoftmaxParams.of(1f, score.scale());
        FullyConnected energyFc = fc(weights.get("att.w1"), weights.get("att.b1"), hidden, hidden, HIDDEN, energy);
        FullyConnected scoreFc = fc(weights.get("att.w2"), weights.get("att.b2"), 1, hidden,
                TANH, score);
        // context[j] = sum_t alpha[t] h[t][j]: alpha (1/256, zp -128) is the input, h^T (1/128, zp 0) the filter.
        QuantizedMultiplier contextScale = QuantizedMultiplier.of(
                (double) PROBABILITY.scale() * HIDDEN.scale() / HIDDEN.scale());
        FullyConnected context = new FullyConnected(steps, hidden, null, new int[hidden], -PROBABILITY.zeroPoint(),
                HIDDEN.zeroPoint(), contextScale.multiplier(), contextScale.shift(), MIN, MAX);
        return new AttentionLayer("attention", steps, hidden, energyFc, ActivationTables.tanh(energy), scoreFc,
                softmax.mult(), softmax.shift(), softmax.diffMin(), context, HIDDEN);
    }

    private FullyConnected fc(float[] w, float[] b, int outputs, int inputs, TensorQuant in, TensorQuant out) {
        if (w.length != outputs * inputs || b.length != outputs) {
            throw new IllegalArgumentException("weights of " + w.length + " / bias of " + b.length
                    + " do not fit " + outputs + " x " + inputs);
        }
        WeightQuantizer.Quantized q = WeightQuantizer.symmetric(w);
        double accScale = in.scale() * q.scale();
        QuantizedMultiplier m = QuantizedMultiplier.of(accScale / out.scale());
        return new FullyConnected(inputs, outputs, q.values(), WeightQuantizer.bias(b, accScale), -in.zeroPoint(),
                out.zeroPoint(), m.multiplier(), m.shift(), MIN, MAX);
    }

    private static ElementwiseAdd add(TensorQuant a, TensorQuant b, TensorQuant out) {
        AddParams p = AddParams.of(a.scale(), b.scale(), out.scale());
        return new ElementwiseAdd(-a.zeroPoint(), p.in1Mult(), p.in1Shift(), -b.zeroPoint(), p.in2Mult(), p.in2Shift(),
                p.leftShift(), out.zeroPoint(), p.outMult(), p.outShift(), MIN, MAX);
    }

    private static ElementwiseMul mul(TensorQuant a, TensorQuant b, TensorQuant out) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) a.scale() * b.scale() / out.scale());
        return new ElementwiseMul(-a.zeroPoint(), -b.zeroPoint(), out.zeroPoint(), m.multiplier(), m.shift(), MIN, MAX);
    }

    private TensorQuant activation(String tensor) {
        return grids.grid(tensor);
    }
}
