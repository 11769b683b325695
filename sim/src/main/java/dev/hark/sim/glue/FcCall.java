package dev.hark.sim.glue;

import dev.hark.sim.kernels.ArmElementwiseAddS8;
import dev.hark.sim.kernels.ArmElementwiseMulS8;
import dev.hark.sim.kernels.ArmFullyConnectedS8;
import dev.hark.sim.kernels.CmsisNnActivation;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnFcParams;
import dev.hark.sim.kernels.CmsisNnPerTensorQuantParams;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;

/**
 * Calls the CMSIS-NN kernels with the parameters the model stores, filling the dims exactly as the generated
 * C does, so the simulator and the firmware make the same calls.
 */
public final class FcCall {
    private FcCall() {
    }

    /** {@code arm_fully_connected_s8} over {@code batches} rows; {@code weights} overrides the stored filter. */
    public static void fullyConnected(Rounding rounding, FullyConnected fc, byte[] weights, int batches, byte[] input,
                                      byte[] output) {
        ArmFullyConnectedS8.run(rounding,
                new CmsisNnFcParams(fc.inputOffset(), 0, fc.outputOffset(),
                        new CmsisNnActivation(fc.activationMin(), fc.activationMax())),
                new CmsisNnPerTensorQuantParams(fc.multiplier(), fc.shift()),
                new CmsisNnDims(batches, 1, 1, fc.inputSize()), input,
                new CmsisNnDims(fc.inputSize(), 1, 1, fc.outputSize()), weights,
                new CmsisNnDims(1, 1, 1, fc.outputSize()), fc.bias(),
                new CmsisNnDims(batches, 1, 1, fc.outputSize()), output);
    }

    public static void fullyConnected(Rounding rounding, FullyConnected fc, int batches, byte[] input, byte[] output) {
        fullyConnected(rounding, fc, fc.weights(), batches, input, output);
    }

    /** {@code arm_elementwise_add_s8}: {@code a} is input 1, {@code b} input 2. */
    public static void add(Rounding rounding, ElementwiseAdd p, byte[] a, byte[] b, byte[] out, int size) {
        ArmElementwiseAddS8.run(rounding, a, b, p.input1Offset(), p.input1Mult(), p.input1Shift(), p.input2Offset(),
                p.input2Mult(), p.input2Shift(), p.leftShift(), out, p.outOffset(), p.outMult(), p.outShift(),
                p.activationMin(), p.activationMax(), size);
    }

    /** {@code arm_elementwise_mul_s8}: {@code a} is input 1, {@code b} input 2. */
    public static void mul(Rounding rounding, ElementwiseMul p, byte[] a, byte[] b, byte[] out, int size) {
        ArmElementwiseMulS8.run(rounding, a, b, p.input1Offset(), p.input2Offset(), out, p.outOffset(), p.outMult(),
                p.outShift(), p.activationMin(), p.activationMax(), size);
    }
}
