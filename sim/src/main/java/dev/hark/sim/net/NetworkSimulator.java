package dev.hark.sim.net;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.glue.HarkLutS8;
import dev.hark.sim.glue.HarkTransposeS8;
import dev.hark.sim.kernels.ArmConvolveWrapperS8;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.kernels.CmsisNnActivation;
import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.kernels.CmsisNnTile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.AttentionLayer;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a {@link QuantizedModel} on int8 features with integer arithmetic only, making the same kernel calls as
 * the generated firmware. Each layer consumes the previous layer's last traced tensor.
 */
public final class NetworkSimulator {
    private final QuantizedModel model;
    private final Rounding rounding;

    public NetworkSimulator(QuantizedModel model) {
        this.model = model;
        this.rounding = model.rounding();
    }

    /**
     * @param features int8 log-mel features {@code [frames][melBins]} as the front end produces them
     * @return every traced tensor; {@link Trace#output()} is the class probabilities (scale 1/256, zero point -128)
     */
    public Trace run(byte[] features) {
        if (features.length != model.info().inputSize()) {
            throw new IllegalArgumentException("the model takes " + model.info().inputSize()
                    + " feature values, got " + features.length);
        }
        List<byte[]> values = new ArrayList<>();
        byte[] x = features;
        for (Layer layer : model.layers()) {
            if (layer instanceof ConvLayer c) {
                x = conv(c, x);
                values.add(x);
            } else if (layer instanceof GruLayer g) {
                byte[] out = new byte[g.steps() * g.hiddenSize()];
                HarkGruS8.run(rounding, g, g.steps(), x, out);
                x = out;
                values.add(x);
            } else if (layer instanceof AttentionLayer a) {
                byte[][] weightsAndContext = attention(a, x);
                values.add(weightsAndContext[0]);
                x = weightsAndContext[1];
                values.add(x);
            } else if (layer instanceof LastStepLayer l) {
                x = lastStep(l, x);
                values.add(x);
            } else if (layer instanceof DenseLayer d) {
                byte[] out = new byte[d.fc().outputSize()];
                FcCall.fullyConnected(rounding, d.fc(), 1, x, out);
                x = out;
                values.add(x);
            } else if (layer instanceof SoftmaxLayer s) {
                byte[] out = new byte[s.rowSize()];
                ArmSoftmaxS8.run(x, 1, s.rowSize(), s.mult(), s.shift(), s.diffMin(), out);
                x = out;
                values.add(x);
            }
        }
        return new Trace(model.tracedTensors(), values);
    }

    private byte[] conv(ConvLayer c, byte[] input) {
        byte[] out = new byte[c.outputSize()];
        ArmConvolveWrapperS8.run(rounding,
                new CmsisNnConvParams(c.inputOffset(), c.outputOffset(), new CmsisNnTile(c.strideW(), c.strideH()),
                        new CmsisNnTile(c.padW(), c.padH()), new CmsisNnTile(1, 1),
                        new CmsisNnActivation(c.activationMin(), c.activationMax())),
                new CmsisNnPerChannelQuantParams(c.multipliers(), c.shifts()),
                new CmsisNnDims(1, c.inH(), c.inW(), c.inC()), input,
                new CmsisNnDims(c.outC(), c.kernelH(), c.kernelW(), c.inC()), c.weights(),
                new CmsisNnDims(1, 1, 1, c.outC()), c.bias(),
                new CmsisNnDims(1, c.outH(), c.outW(), c.outC()), out);
        return out;
    }

    /** The last step of the sequence, unchanged: the firmware hands the classifier a pointer to these bytes. */
    private static byte[] lastStep(LastStepLayer l, byte[] sequence) {
        if (sequence.length != l.steps() * l.hiddenSize()) {
            throw new IllegalArgumentException("layer " + l.name() + " expects " + l.steps() + " x " + l.hiddenSize()
                    + " values but the previous layer produces " + sequence.length);
        }
        return Arrays.copyOfRange(sequence, l.lastStepOffset(), sequence.length);
    }

    private byte[][] attention(AttentionLayer a, byte[] hidden) {
        int steps = a.steps();
        byte[] energy = new byte[steps * a.hiddenSize()];
        FcCall.fullyConnected(rounding, a.energy(), steps, hidden, energy);
        HarkLutS8.run(energy, energy, energy.length, a.tanhEnergy());
        byte[] scores = new byte[steps];
        FcCall.fullyConnected(rounding, a.score(), steps, energy, scores);
        byte[] weights = new byte[steps];
        ArmSoftmaxS8.run(scores, 1, steps, a.softmaxMult(), a.softmaxShift(), a.softmaxDiffMin(), weights);
        byte[] hiddenByUnit = new byte[steps * a.hiddenSize()];
        HarkTransposeS8.run(hidden, hiddenByUnit, steps, a.hiddenSize());
        byte[] context = new byte[a.hiddenSize()];
        FcCall.fullyConnected(rounding, a.context(), hiddenByUnit, 1, weights, context);
        return new byte[][] {weights, context};
    }
}
