package dev.hark.sim.model;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.quant.ActivationTables;
import dev.hark.sim.quant.AddParams;
import dev.hark.sim.quant.MulParams;
import dev.hark.sim.quant.QuantizedMultiplier;
import dev.hark.sim.quant.SoftmaxParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Valid {@link QuantizedModel}s of the keyword-spotting CRNN shape (conv -> GRU x L -> attention or last step
 * -> dense -> softmax) with random weights, for tests that need a model without training one. The same seed always
 * gives the same model, on every JVM.
 *
 * <p>Integers are derived the way the trainer's quantizer derives them: symmetric int8 weights (per output
 * channel for the convolution, per matrix elsewhere), int32 biases at {@code input scale x weight scale},
 * multipliers by {@link QuantizedMultiplier#of}, adds by {@link AddParams#of}, products by {@link MulParams#of},
 * softmax by {@link SoftmaxParams#of}, and sigmoid/tanh tables by {@link ActivationTables}. Instead of calibrated
 * ranges, each activation gets a range estimated from its inputs' ranges (weights are scaled by
 * {@code 1/sqrt(fan-in)}, so a projection keeps roughly the range of its input), with a random asymmetry so zero
 * points are not all zero. The hidden state, tanh outputs and the attention context use 1/128 with zero point 0,
 * sigmoid and softmax outputs 1/256 with zero point -128, as in the trainer.
 */
public final class RandomModels {
    private static final TensorQuant HIDDEN = new TensorQuant(1f / 128, 0);
    private static final TensorQuant SIGMOID_OUT = FixedGrids.SIGMOID;
    private static final TensorQuant TANH_OUT = FixedGrids.TANH;
    private static final TensorQuant PROBABILITY = FixedGrids.PROBABILITY;
    private static final int MIN = -128;
    private static final int MAX = 127;

    /**
     * The shape of a random CRNN.
     *
     * @param frames     feature frames per clip
     * @param melBins    mel bins per frame
     * @param convOut    convolution output channels
     * @param kernelTime convolution kernel along time (frames)
     * @param kernelMel  convolution kernel along mel
     * @param strideTime convolution stride along time
     * @param strideMel  convolution stride along mel
     * @param hidden     GRU hidden size (every layer)
     * @param gruLayers  stacked GRU layers, at least 1
     * @param classes    output classes, at least 2
     * @param attention  true: attention pooling; false: the last GRU step ({@link LastStepLayer}) feeds the
     *                   classifier
     */
    public record Shape(int frames, int melBins, int convOut, int kernelTime, int kernelMel, int strideTime,
                        int strideMel, int hidden, int gruLayers, int classes, boolean attention) {
        /** A shape with attention pooling. */
        public Shape(int frames, int melBins, int convOut, int kernelTime, int kernelMel, int strideTime,
                     int strideMel, int hidden, int gruLayers, int classes) {
            this(frames, melBins, convOut, kernelTime, kernelMel, strideTime, strideMel, hidden, gruLayers, classes,
                    true);
        }

        public Shape {
            if (frames < kernelTime || melBins < kernelMel || convOut < 1 || strideTime < 1 || strideMel < 1
                    || hidden < 1 || gruLayers < 1 || classes < 2) {
                throw new IllegalArgumentException("not a valid CRNN shape: " + this);
            }
        }

        /** 30 frames x 12 mels, 2 conv channels, kernel 6 x 3, stride 4 x 2, two GRU layers of 8: fast in tests. */
        public static Shape tiny() {
            return new Shape(30, 12, 2, 6, 3, 4, 2, 8, 2, 2);
        }

        /** The baseline CRNN: 101 x 40, 8 channels, kernel 20 x 5, stride 8 x 2, two GRU layers of 64. */
        public static Shape defaultSize() {
            return new Shape(101, 40, 8, 20, 5, 8, 2, 64, 2, 2);
        }

        /**
         * A distilled student: 101 x 40, 2 channels, kernel 20 x 5, stride 6 x 2 (14 steps), one GRU layer of 16,
         * no attention (2,828 parameters).
         */
        public static Shape smallStudent() {
            return new Shape(101, 40, 2, 20, 5, 6, 2, 16, 1, 2, false);
        }

        /** This shape with the last GRU step instead of attention pooling. */
        public Shape withoutAttention() {
            return new Shape(frames, melBins, convOut, kernelTime, kernelMel, strideTime, strideMel, hidden,
                    gruLayers, classes, false);
        }

        public int steps() {
            return (frames - kernelTime) / strideTime + 1;
        }

        public int convWidth() {
            return (melBins - kernelMel) / strideMel + 1;
        }
    }

    private final Random random;

    private RandomModels(long seed) {
        this.random = new Random(seed);
    }

    /** A {@link Shape#tiny()} model with double rounding. */
    public static QuantizedModel tiny(long seed) {
        return create(Shape.tiny(), seed, Rounding.DOUBLE);
    }

    /** A {@link Shape#defaultSize()} model with double rounding. */
    public static QuantizedModel defaultSize(long seed) {
        return create(Shape.defaultSize(), seed, Rounding.DOUBLE);
    }

    /**
     * @param shape    layer sizes
     * @param seed     the same seed gives the same model
     * @param rounding the CMSIS-NN rounding mode the model is declared for
     */
    public static QuantizedModel create(Shape shape, long seed, Rounding rounding) {
        return new RandomModels(seed).build(shape, seed, rounding);
    }

    /** {@code count} random int8 feature vectors of {@code model}'s input size (a fixed function of the seed). */
    public static List<byte[]> features(QuantizedModel model, int count, long seed) {
        Random r = new Random(seed);
        List<byte[]> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] clip = new byte[model.info().inputSize()];
            r.nextBytes(clip);
            clips.add(clip);
        }
        return clips;
    }

    private QuantizedModel build(Shape s, long seed, Rounding rounding) {
        List<String> labels = new ArrayList<>(List.of("other", "sheila"));
        for (int c = 2; c < s.classes(); c++) {
            labels.add("class" + c);
        }
        TensorQuant input = new TensorQuant(0.1f, random.nextInt(21) - 10);
        ModelInfo info = new ModelInfo("random-crnn-" + seed, "sheila", labels, s.frames(), s.melBins(), input,
                "hark-logmel-v1", "hark RandomModels (seed " + seed + ")");

        List<Layer> layers = new ArrayList<>();
        ConvLayer conv = conv(s, input);
        layers.add(conv);
        TensorQuant x = conv.output();
        int inputSize = s.convWidth() * s.convOut();
        for (int l = 1; l <= s.gruLayers(); l++) {
            layers.add(gru("gru" + l, s.steps(), inputSize, s.hidden(), x));
            x = HIDDEN;
            inputSize = s.hidden();
        }
        layers.add(s.attention() ? attention(s.steps(), s.hidden())
                : new LastStepLayer("context", s.steps(), s.hidden()));
        TensorQuant logits = activation(range(HIDDEN) * 2);
        layers.add(new DenseLayer("logits", fc(s.hidden(), s.classes(), HIDDEN, logits), logits));
        SoftmaxParams softmax = SoftmaxParams.of(1f, logits.scale());
        layers.add(new SoftmaxLayer("probs", s.classes(), softmax.mult(), softmax.shift(), softmax.diffMin()));
        return new QuantizedModel(info, rounding, layers);
    }

    private ConvLayer conv(Shape s, TensorQuant in) {
        int perChannel = s.kernelTime() * s.kernelMel();
        byte[] weights = new byte[s.convOut() * perChannel];
        int[] bias = new int[s.convOut()];
        int[] multipliers = new int[s.convOut()];
        int[] shifts = new int[s.convOut()];
        TensorQuant out = activation(range(in));
        for (int c = 0; c < s.convOut(); c++) {
            double weightScale = symmetric(randomWeights(perChannel, perChannel), weights, c * perChannel);
            double accScale = in.scale() * weightScale;
            bias[c] = bias(uniform(0.1), accScale);
            QuantizedMultiplier m = QuantizedMultiplier.of(accScale / out.scale());
            multipliers[c] = m.multiplier();
            shifts[c] = m.shift();
        }
        return new ConvLayer("conv", s.frames(), s.melBins(), 1, s.convOut(), s.kernelTime(), s.kernelMel(),
                s.strideTime(), s.strideMel(), 0, 0, s.steps(), s.convWidth(), -in.zeroPoint(), out.zeroPoint(), MIN,
                MAX, weights, bias, multipliers, shifts, out);
    }

    private GruLayer gru(String name, int steps, int inputSize, int hidden, TensorQuant input) {
        FullyConnected[] inputFc = new FullyConnected[3];
        FullyConnected[] hiddenFc = new FullyConnected[3];
        TensorQuant[] gx = new TensorQuant[3];
        TensorQuant[] gh = new TensorQuant[3];
        for (int g = 0; g < 3; g++) {
            gx[g] = activation(range(input));
            gh[g] = activation(range(HIDDEN));
            inputFc[g] = fc(inputSize, hidden, input, gx[g]);
            hiddenFc[g] = fc(hidden, hidden, HIDDEN, gh[g]);
        }
        TensorQuant preR = activation(range(gx[0]) + range(gh[0]));
        TensorQuant preZ = activation(range(gx[1]) + range(gh[1]));
        TensorQuant rHn = activation(range(gh[2]));
        TensorQuant preN = activation(range(gx[2]) + range(rHn));
        return new GruLayer(name, steps, inputSize, hidden, inputFc, hiddenFc,
                add(gx[0], gh[0], preR), add(gx[1], gh[1], preZ), add(gx[2], rHn, preN), add(HIDDEN, HIDDEN, HIDDEN),
                mul(SIGMOID_OUT, gh[2], rHn), mul(SIGMOID_OUT, HIDDEN, HIDDEN), mul(SIGMOID_OUT, HIDDEN, HIDDEN),
                ActivationTables.sigmoid(preR),
                ActivationTables.sigmoid(preZ),
                ActivationTables.oneMinusSigmoid(preZ),
                ActivationTables.tanh(preN), HIDDEN);
    }

    private AttentionLayer attention(int steps, int hidden) {
        TensorQuant energy = activation(range(HIDDEN));
        TensorQuant score = activation(range(TANH_OUT));
        SoftmaxParams softmax = SoftmaxParams.of(1f, score.scale());
        FullyConnected energyFc = fc(hidden, hidden, HIDDEN, energy);
        FullyConnected scoreFc = fc(hidden, 1, TANH_OUT, score);
        // context[j] = sum_t alpha[t] h[t][j]: alpha (1/256, zp -128) is the input, h^T (1/128, zp 0) the filter.
        QuantizedMultiplier contextScale = QuantizedMultiplier.of(
                (double) PROBABILITY.scale() * HIDDEN.scale() / HIDDEN.scale());
        FullyConnected context = new FullyConnected(steps, hidden, null, new int[hidden], -PROBABILITY.zeroPoint(),
                HIDDEN.zeroPoint(), contextScale.multiplier(), contextScale.shift(), MIN, MAX);
        return new AttentionLayer("attention", steps, hidden, energyFc,
                ActivationTables.tanh(energy), scoreFc, softmax.mult(), softmax.shift(),
                softmax.diffMin(), context, HIDDEN);
    }

    private FullyConnected fc(int inputs, int outputs, TensorQuant in, TensorQuant out) {
        byte[] weights = new byte[inputs * outputs];
        double weightScale = symmetric(randomWeights(weights.length, inputs), weights, 0);
        double accScale = in.scale() * weightScale;
        int[] bias = new int[outputs];
        for (int o = 0; o < outputs; o++) {
            bias[o] = bias(uniform(0.1), accScale);
        }
        QuantizedMultiplier m = QuantizedMultiplier.of(accScale / out.scale());
        return new FullyConnected(inputs, outputs, weights, bias, -in.zeroPoint(), out.zeroPoint(), m.multiplier(),
                m.shift(), MIN, MAX);
    }

    private static ElementwiseAdd add(TensorQuant a, TensorQuant b, TensorQuant out) {
        AddParams p = AddParams.of(a.scale(), b.scale(), out.scale());
        return new ElementwiseAdd(-a.zeroPoint(), p.in1Mult(), p.in1Shift(), -b.zeroPoint(), p.in2Mult(),
                p.in2Shift(), p.leftShift(), out.zeroPoint(), p.outMult(), p.outShift(), MIN, MAX);
    }

    private static ElementwiseMul mul(TensorQuant a, TensorQuant b, TensorQuant out) {
        QuantizedMultiplier m = MulParams.of(a.scale(), b.scale(), out.scale());
        return new ElementwiseMul(-a.zeroPoint(), -b.zeroPoint(), out.zeroPoint(), m.multiplier(), m.shift(), MIN,
                MAX);
    }

    /** Uniform weights in +-1/sqrt(fanIn): a projection then keeps roughly the range of its input. */
    private double[] randomWeights(int count, int fanIn) {
        double[] w = new double[count];
        for (int i = 0; i < count; i++) {
            w[i] = uniform(1 / Math.sqrt(fanIn));
        }
        return w;
    }

    /** Symmetric int8 quantization of {@code w} into {@code out} from {@code offset}; returns the scale. */
    private static double symmetric(double[] w, byte[] out, int offset) {
        double maxAbs = 0;
        for (double v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        double scale = Math.max(maxAbs / 127.0, 1e-12);
        for (int i = 0; i < w.length; i++) {
            out[offset + i] = (byte) Math.max(-127, Math.min(127, ActivationTables.roundHalfAway(w[i] / scale)));
        }
        return scale;
    }

    private static int bias(double value, double scale) {
        return (int) Math.max(Integer.MIN_VALUE,
                Math.min(Integer.MAX_VALUE, ActivationTables.roundHalfAway(value / scale)));
    }

    /** The largest magnitude a tensor with this quantization can hold. */
    private static double range(TensorQuant q) {
        return Math.max(Math.abs(q.dequantize(-128)), Math.abs(q.dequantize(127)));
    }

    /** An affine quantization covering about +-{@code magnitude}, with a random lean to one side. */
    private TensorQuant activation(double magnitude) {
        double lean = 0.6 + 0.8 * random.nextDouble();
        double min = -magnitude * lean;
        double max = magnitude * (2 - lean);
        double scale = (max - min) / 255.0;
        long zeroPoint = Math.max(-128, Math.min(127, ActivationTables.roundHalfAway(-128 - min / scale)));
        return new TensorQuant((float) scale, (int) zeroPoint);
    }

    private double uniform(double magnitude) {
        return (2 * random.nextDouble() - 1) * magnitude;
    }
}
