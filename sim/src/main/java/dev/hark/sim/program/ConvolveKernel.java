package dev.hark.sim.program;

import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.HarkConvolve1chS8;

/**
 * Which C function runs a {@link ConvolveCall}. Both take the same arguments and give the same integers; the
 * lowering picks the fastest one that takes the call's shape ({@link #fastest}) unless that more than doubles the arena,
 * and the simulator runs that kernel's Java twin.
 */
public enum ConvolveKernel {
    /** {@code arm_convolve_wrapper_s8}: any shape CMSIS-NN takes, via im2col. */
    CMSIS_NN_WRAPPER("arm_convolve_wrapper_s8"),
    /** {@code hark_convolve_1ch_s8}: one input channel, no padding or dilation, without im2col copies. */
    HARK_ONE_CHANNEL("hark_convolve_1ch_s8");

    private final String function;

    ConvolveKernel(String function) {
        this.function = function;
    }

    /** The C function's name; its buffer-size function is this name plus {@code _get_buffer_size}. */
    public String function() {
        return function;
    }

    /** The fastest kernel that takes a convolution of this shape. */
    public static ConvolveKernel fastest(CmsisNnConvParams conv, CmsisNnDims inputDims, CmsisNnDims filterDims,
                                         CmsisNnDims outputDims) {
        return HarkConvolve1chS8.accepts(conv, inputDims, filterDims, outputDims) ? HARK_ONE_CHANNEL
                : CMSIS_NN_WRAPPER;
    }
}
