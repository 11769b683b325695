package dev.hark.sim.program;

import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.model.TensorQuant;

/**
 * {@code arm_convolve_wrapper_s8(ctx, conv_params, quant_params, input_dims, input, filter_dims, weights,
 * bias_dims, bias, output_dims, output)}.
 *
 * @param scratch      the im2col buffer, or {@code null} when the kernel needs none
 * @param scratchBytes its planned size ({@link ScratchSizes#convolveWrapperS8})
 * @param outputQuant  the output grid (for documentation; every integer is in the params)
 */
public record ConvolveCall(String layer, CmsisNnConvParams conv, CmsisNnPerChannelQuantParams quant,
                           CmsisNnDims inputDims, TensorId input, CmsisNnDims filterDims, byte[] weights,
                           CmsisNnDims biasDims, int[] bias, CmsisNnDims outputDims, TensorId output,
                           TensorId scratch, int scratchBytes, TensorQuant outputQuant)
        implements KernelCall.WithScratch {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.convolve(this);
    }
}
