package dev.hark.sim.program;

import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.HarkConvolve1chS8;
import dev.hark.sim.model.ConvLayer;

/**
 * Scratch bytes of each kernel, computed in Java exactly as the C {@code *_get_buffer_size} functions compute them
 * for a core without Helium (Cortex-M0 to M33 and host builds), so the arena can be planned before any C exists.
 * The generated code asks the library again at run time and refuses to run if it wants more.
 */
public final class ScratchSizes {
    private ScratchSizes() {
    }

    /**
     * {@code arm_convolve_wrapper_s8_get_buffer_size}: 0 for a 1x1 convolution without padding (a plain matrix
     * product), otherwise the im2col buffer of two columns of {@code align4(KH * KW * C_IN)} int16 values.
     */
    public static int convolveWrapperS8(ConvLayer c) {
        boolean oneByOne = c.padH() == 0 && c.padW() == 0 && c.kernelH() == 1 && c.kernelW() == 1;
        if (oneByOne) {
            return 0;
        }
        int rhsCols = c.kernelH() * c.kernelW() * c.inC();
        return 2 * align4(rhsCols) * Short.BYTES;
    }

    /** The scratch of the kernel that runs a convolution: {@link #convolveWrapperS8} or hark's own. */
    public static int convolve(ConvolveKernel kernel, ConvLayer c, CmsisNnDims inputDims, CmsisNnDims filterDims) {
        return switch (kernel) {
            case CMSIS_NN_WRAPPER -> convolveWrapperS8(c);
            case HARK_ONE_CHANNEL -> HarkConvolve1chS8.bufferSize(inputDims, filterDims);
        };
    }

    /** {@code arm_fully_connected_s8_get_buffer_size}: no scratch without Helium. */
    public static int fullyConnectedS8() {
        return 0;
    }

    /**
     * {@code hark_gru_s8_get_buffer_size}: one step's input and the hidden state widened to int16, each rounded up
     * to a multiple of four values; the same for any number of steps, since every step reuses it.
     */
    public static int gruS8(int inputSize, int hiddenSize) {
        long total = widenedBytes(inputSize) + widenedBytes(hiddenSize);
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a GRU of " + inputSize + " inputs and " + hiddenSize
                    + " units needs more than 2 GiB of scratch");
        }
        return (int) total;
    }

    private static long widenedBytes(long values) {
        return (values + 3) / 4 * 4 * Short.BYTES;
    }

    private static int align4(int bytes) {
        return (bytes + 3) / 4 * 4;
    }
}
