package dev.hark.sim.program;

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

    /** {@code arm_fully_connected_s8_get_buffer_size}: no scratch without Helium. */
    public static int fullyConnectedS8() {
        return 0;
    }

    /**
     * {@code hark_gru_s8_get_buffer_size}: the three gates' input projections for all steps
     * ({@code [steps][hidden]} each), twelve per-step vectors of {@code hidden} bytes (h, three hidden projections,
     * the pre-activation, r, z, 1 - z, r * gh_n, n and the two update products), and the fully-connected kernel's
     * own scratch; every region starts 4-byte aligned.
     */
    public static int gruS8(int hiddenSize, int steps) {
        long total = 3L * align4((long) hiddenSize * steps) + 12L * align4(hiddenSize) + align4(fullyConnectedS8());
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a GRU of " + hiddenSize + " units over " + steps
                    + " steps needs more than 2 GiB of scratch");
        }
        return (int) total;
    }

    private static int align4(int bytes) {
        return (bytes + 3) / 4 * 4;
    }

    private static long align4(long bytes) {
        return (bytes + 3) / 4 * 4;
    }
}
