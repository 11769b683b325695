package dev.hark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The CRNN's convolution trained as parallel branches, RepVGG style, and folded into one plain convolution for
 * export ({@link #folded()}), so the exported network has exactly the shape of a plain one.
 *
 * <p>Four branches over the same input {@code [batch][1][T][M]}, each a convolution without bias followed by batch
 * normalization over its C channels, summed:
 * <ul>
 *   <li>the main {@code KT x KM} convolution;</li>
 *   <li>a {@code 1 x KM} convolution over the kernel window's middle row (time tap {@code KT / 2});</li>
 *   <li>a {@code KT x 1} convolution over its middle column (mel tap {@code KM / 2});</li>
 *   <li>a {@code 1 x 1} convolution at its centre (with one input channel, the identity branch's counterpart).</li>
 * </ul>
 * Every branch uses the main convolution's stride and reads only taps inside the main kernel's window, so each is
 * the main kernel with zeros elsewhere: in inference mode (batch normalization with its running statistics, an
 * affine map per channel) the sum is one {@code KT x KM} convolution with bias. The extra branches change only how
 * training reaches that convolution.
 */
public final class RepConvBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    /** DJL's batch normalization epsilon (its builder's default, which {@link #branch} keeps). */
    private static final double EPSILON = 1e-5;

    private final CrnnConfig config;
    private final Branch[] branches;

    /**
     * One branch: its kernel, where that kernel sits in the main kernel's window, and its normalization.
     *
     * @param timeOffset first time tap of the main window the branch reads
     * @param melOffset  first mel tap of the main window the branch reads
     */
    private record Branch(Conv2d conv, BatchNorm norm, int kernelTime, int kernelMel, int timeOffset,
                          int melOffset) {
    }

    public RepConvBlock(CrnnConfig config) {
        super(VERSION);
        this.config = config;
        int kt = config.kernelTime();
        int km = config.kernelMel();
        branches = new Branch[] {
            branch("main", kt, km, 0, 0),
            branch("row", 1, km, kt / 2, 0),
            branch("column", kt, 1, 0, km / 2),
            branch("point", 1, 1, kt / 2, km / 2),
        };
    }

    private Branch branch(String name, int kernelTime, int kernelMel, int timeOffset, int melOffset) {
        Conv2d conv = addChildBlock(name, Conv2d.builder()
                .setKernelShape(new Shape(kernelTime, kernelMel))
                .optStride(new Shape(config.strideTime(), config.strideMel()))
                .setFilters(config.convChannels())
                .optBias(false)
                .build());
        BatchNorm norm = addChildBlock(name + "_norm", BatchNorm.builder().optAxis(1).build());
        return new Branch(conv, norm, kernelTime, kernelMel, timeOffset, melOffset);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray sum = null;
        for (Branch b : branches) {
            NDArray y = b.norm().forward(store, b.conv().forward(store, new NDList(window(x, b)), training),
                    training).singletonOrThrow();
            sum = sum == null ? y : sum.add(y);
        }
        return new NDList(sum);
    }

    /** The part of the input a branch convolves: it starts at the branch's offset and spans what its taps reach. */
    private NDArray window(NDArray x, Branch b) {
        if (b.timeOffset() == 0 && b.melOffset() == 0) {
            return x;
        }
        long frames = x.getShape().get(2);
        long mels = x.getShape().get(3);
        long steps = (frames - config.kernelTime()) / config.strideTime() + 1;
        long positions = (mels - config.kernelMel()) / config.strideMel() + 1;
        long timeEnd = b.timeOffset() + (steps - 1) * config.strideTime() + b.kernelTime();
        long melEnd = b.melOffset() + (positions - 1) * config.strideMel() + b.kernelMel();
        return x.get(new NDIndex(":, :, {}:{}, {}:{}", b.timeOffset(), timeEnd, b.melOffset(), melEnd));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        Shape in = inputs[0];
        return new Shape[] {new Shape(in.get(0), config.convChannels(),
                (in.get(2) - config.kernelTime()) / config.strideTime() + 1,
                (in.get(3) - config.kernelMel()) / config.strideMel() + 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        for (Branch b : branches) {
            b.conv().initialize(manager, dataType, new Shape(in.get(0), 1,
                    (out.get(2) - 1) * config.strideTime() + b.kernelTime(),
                    (out.get(3) - 1) * config.strideMel() + b.kernelMel()));
            b.norm().initialize(manager, dataType, out);
        }
    }

    /**
     * The one convolution the branches make in inference mode: {@code weight} {@code [C][KT][KM]} (the element
     * order of DJL's {@code [C][1][KT][KM]}) and {@code bias} {@code [C]}. Per branch, batch normalization folds
     * into its kernel ({@code w * gamma / sqrt(var + eps)}) and a bias ({@code beta - mean * gamma / sqrt(var +
     * eps)}); the kernels add up at their offsets in the main window, the biases add up.
     */
    public Folded folded() {
        int c = config.convChannels();
        int kt = config.kernelTime();
        int km = config.kernelMel();
        double[] weight = new double[c * kt * km];
        double[] bias = new double[c];
        for (Branch b : branches) {
            float[] w = b.conv().getParameters().get("weight").getArray().toFloatArray();
            float[] gamma = array(b.norm(), "gamma");
            float[] beta = array(b.norm(), "beta");
            float[] mean = array(b.norm(), "runningMean");
            float[] var = array(b.norm(), "runningVar");
            for (int ch = 0; ch < c; ch++) {
                double scale = gamma[ch] / Math.sqrt(var[ch] + EPSILON);
                bias[ch] += beta[ch] - mean[ch] * scale;
                for (int i = 0; i < b.kernelTime(); i++) {
                    for (int j = 0; j < b.kernelMel(); j++) {
                        weight[(ch * kt + b.timeOffset() + i) * km + b.melOffset() + j] +=
                                w[(ch * b.kernelTime() + i) * b.kernelMel() + j] * scale;
                    }
                }
            }
        }
        return new Folded(toFloat(weight), toFloat(bias));
    }

    /**
     * A folded convolution.
     *
     * @param weight {@code [C][KT][KM]}
     * @param bias   {@code [C]}
     */
    public record Folded(float[] weight, float[] bias) {
    }

    private static float[] array(BatchNorm norm, String name) {
        Parameter p = norm.getParameters().get(name);
        if (p == null) {
            throw new IllegalStateException("RepConvBlock: batch normalization has no parameter " + name + " (has "
                    + norm.getParameters().keys() + ")");
        }
        return p.getArray().toFloatArray();
    }

    private static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
