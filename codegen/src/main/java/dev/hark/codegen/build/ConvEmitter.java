package dev.hark.codegen.build;

import dev.hark.codegen.model.CDims;
import dev.hark.codegen.model.ConvCall;
import dev.hark.codegen.model.ConvParamsConstant;
import dev.hark.codegen.model.Scratch;
import dev.hark.codegen.model.TracePoint;
import dev.hark.sim.model.ConvLayer;
import dev.hark.sim.program.ScratchSizes;

/** A convolution layer: its constants and one {@code arm_convolve_wrapper_s8} call. */
final class ConvEmitter {
    private ConvEmitter() {
    }

    static Activation emit(Assembly a, ConvLayer c, Activation input, boolean last) {
        Shapes.requireInput(c.name(), c.inH() * c.inW() * c.inC(), input);
        String id = CFormat.identifier(c.name());
        String shape = "[" + c.outC() + "][" + c.kernelH() + "][" + c.kernelW() + "][" + c.inC() + "]";
        String weights = a.int8Array(a.constantName(c.name(), "weights"), c.weights(), true, c.name()
                + " filter: int8 " + shape + " (output channel, kernel row, kernel column, input channel), symmetric"
                + " per output channel (zero point 0).");
        String bias = a.int32Array(a.constantName(c.name(), "bias"), c.bias(), true, c.name() + " bias: int32 ["
                + c.outC() + "], per output channel, in units of input scale x that channel's weight scale.");
        String multipliers = a.int32Array(a.constantName(c.name(), "multipliers"), c.multipliers(), false, c.name()
                + " requantization multipliers: Q31 [" + c.outC() + "], per output channel; the real scale is"
                + " multiplier x 2^(shift - 31).");
        String shifts = a.int32Array(a.constantName(c.name(), "shifts"), c.shifts(), false, c.name()
                + " requantization shifts: [" + c.outC() + "], per output channel; positive shifts left.");
        String params = a.constantName(c.name(), "params");
        String quantParams = a.constantName(c.name(), "quant_params");
        String paramsText = c.name() + ": input offset " + c.inputOffset() + " (minus the input zero point), output"
                + " offset " + c.outputOffset() + " (output scale " + c.output().scale() + ", zero point "
                + c.output().zeroPoint() + "), stride " + c.strideH() + " x " + c.strideW() + ", padding "
                + c.padH() + " x " + c.padW() + " (rows x columns), output clamped to [" + c.activationMin() + ", "
                + c.activationMax() + "].";
        a.constants.add(new ConvParamsConstant(params, quantParams, a.comment(paramsText), c.inputOffset(),
                c.outputOffset(), c.strideW(), c.strideH(), c.padW(), c.padH(), 1, 1, c.activationMin(),
                c.activationMax(), multipliers, shifts));
        a.declare("cmsis_nn_conv_params", params, 0, paramsText);
        a.declare("cmsis_nn_per_channel_quant_params", quantParams, 0, c.name()
                + " per-channel requantization (multipliers and shifts).");

        int step = a.timeline.nextStep();
        Scratch scratch = a.scratch(id + "_scratch", ScratchSizes.convolveWrapperS8(c), step,
                c.name() + " im2col scratch");
        a.timeline.use(input, step);
        String outShape = "[" + c.outH() + "][" + c.outW() + "][" + c.outC() + "]";
        Activation output = a.result(id + "_output", c.outputSize(), step, last, c.name() + " output " + outShape);
        TracePoint trace = a.trace(c.tracedOutputs().get(0), output);
        a.layerCalls.add(new ConvCall(a.comment(c.name() + ": convolution " + c.kernelH() + " x " + c.kernelW()
                        + ", stride " + c.strideH() + " x " + c.strideW() + ", [" + c.inH() + "][" + c.inW() + "]["
                        + c.inC() + "] -> " + outShape + " (rows, columns, channels)."),
                scratch, params, quantParams, new CDims(1, c.inH(), c.inW(), c.inC()), input.expression(),
                new CDims(c.outC(), c.kernelH(), c.kernelW(), c.inC()), weights, new CDims(1, 1, 1, c.outC()), bias,
                new CDims(1, c.outH(), c.outW(), c.outC()), output.expression(), trace));
        return output;
    }
}
