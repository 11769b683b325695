package dev.hark.trainer.eval;

import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.trainer.model.CrnnConfig;

/**
 * The constant data of the int8 network in bytes: what the firmware keeps in flash besides code.
 *
 * <p>Counted: int8 weights (1 byte each), int32 biases (4 bytes), the convolution's per-channel multiplier and
 * shift (8 bytes per channel), every kernel call's scalar parameters as int32 (fully connected: input offset,
 * output offset, multiplier, shift, activation min and max = 24 bytes; element-wise add: 12 values = 48 bytes;
 * element-wise multiply: 7 values = 28 bytes; softmax: multiplier, shift, diff-min = 12 bytes; convolution:
 * input and output offset, activation min and max = 16 bytes) and 256 bytes per activation look-up table.
 * Not counted: tensor shapes and the informational float scales (they live in code, not in data), and
 * activation buffers (RAM, not model size). The last-step pooling layer has no constants and counts 0.
 */
public final class Int8Bytes {
    static final int FC_PARAMS = 6 * 4;
    static final int ADD_PARAMS = 12 * 4;
    static final int MUL_PARAMS = 7 * 4;
    static final int SOFTMAX_PARAMS = 3 * 4;
    static final int CONV_PARAMS = 4 * 4;
    static final int TABLE = 256;

    private Int8Bytes() {
    }

    /** The constant bytes the quantizer will produce for {@code config}, from the shapes alone. */
    public static long estimate(CrnnConfig c) {
        long ch = c.convChannels();
        long h = c.gruHidden();
        long bytes = ch * c.kernelTime() * c.kernelMel() + 4 * ch + 8 * ch + CONV_PARAMS;
        for (int layer = 0; layer < c.gruLayers(); layer++) {
            long in = layer == 0 ? c.gruInputSize() : h;
            bytes += 3 * fc(in, h, true) + 3 * fc(h, h, true);
            bytes += 4 * ADD_PARAMS + 3 * MUL_PARAMS + 4 * TABLE;
        }
        if (c.attention()) {
            bytes += fc(h, h, true) + TABLE + fc(h, 1, true) + SOFTMAX_PARAMS + fc(c.convSteps(), h, false);
        }
        bytes += fc(h, c.classes(), true) + SOFTMAX_PARAMS;
        return bytes;
    }

    /** The constant bytes of an actual quantized model, by the same rules as {@link #estimate}. */
    public static long of(QuantizedModel model) {
        long bytes = 0;
        for (Layer layer : model.layers()) {
            bytes += of(layer);
        }
        return bytes;
    }

    private static long of(Layer layer) {
        if (layer instanceof ConvLayer c) {
            return c.weights().length + 4L * c.bias().length + 4L * c.multipliers().length + 4L * c.shifts().length
                    + CONV_PARAMS;
        }
        if (layer instanceof GruLayer g) {
            long bytes = 0;
            for (FullyConnected fc : g.inputFc()) {
                bytes += of(fc);
            }
            for (FullyConnected fc : g.hiddenFc()) {
                bytes += of(fc);
            }
            for (ElementwiseAdd ignored : new ElementwiseAdd[] {g.addR(), g.addZ(), g.addN(), g.addH()}) {
                bytes += ADD_PARAMS;
            }
            for (ElementwiseMul ignored : new ElementwiseMul[] {g.mulRHn(), g.mulZcN(), g.mulZH()}) {
                bytes += MUL_PARAMS;
            }
            return bytes + g.sigmoidR().length + g.sigmoidZ().length + g.oneMinusSigmoidZ().length
                    + g.tanhN().length;
        }
        if (layer instanceof AttentionLayer a) {
            return of(a.energy()) + a.tanhEnergy().length + of(a.score()) + SOFTMAX_PARAMS + of(a.context());
        }
        if (layer instanceof DenseLayer d) {
            return of(d.fc());
        }
        if (layer instanceof SoftmaxLayer) {
            return SOFTMAX_PARAMS;
        }
        return 0;
    }

    private static long of(FullyConnected fc) {
        return (fc.weights() == null ? 0 : fc.weights().length) + 4L * fc.bias().length + FC_PARAMS;
    }

    private static long fc(long in, long out, boolean constantWeights) {
        return (constantWeights ? in * out : 0) + 4 * out + FC_PARAMS;
    }
}
