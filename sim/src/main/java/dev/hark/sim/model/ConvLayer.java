package dev.hark.sim.model;

import java.util.List;

/**
 * A 2-D convolution run by {@code arm_convolve_wrapper_s8}, per-output-channel quantized.
 *
 * <p>Layouts follow CMSIS-NN: input NHWC {@code [1][inH][inW][inC]} (for the keyword spotter H is time and W is
 * mel), filter {@code [outC][kernelH][kernelW][inC]}, output {@code [1][outH][outW][outC]}. Padding is the
 * top/left padding passed to the API; dilation is 1.
 */
public record ConvLayer(String name, int inH, int inW, int inC, int outC, int kernelH, int kernelW, int strideH,
                        int strideW, int padH, int padW, int outH, int outW, int inputOffset, int outputOffset,
                        int activationMin, int activationMax, byte[] weights, int[] bias, int[] multipliers,
                        int[] shifts, TensorQuant output) implements Layer {
    public ConvLayer {
        check(weights.length == outC * kernelH * kernelW * inC, "weights", weights.length);
        check(bias.length == outC, "bias", bias.length);
        check(multipliers.length == outC && shifts.length == outC, "multipliers", multipliers.length);
        check(outH == (inH + 2 * padH - kernelH) / strideH + 1, "outH", outH);
        check(outW == (inW + 2 * padW - kernelW) / strideW + 1, "outW", outW);
    }

    private static void check(boolean ok, String what, int value) {
        if (!ok) {
            throw new IllegalArgumentException("convolution: " + what + " = " + value + " disagrees with the shape");
        }
    }

    public int outputSize() {
        return outH * outW * outC;
    }

    @Override
    public List<TracedTensor> tracedOutputs() {
        return List.of(new TracedTensor(name, outputSize(), outH));
    }
}
