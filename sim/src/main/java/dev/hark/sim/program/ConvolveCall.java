package dev.hark.sim.program;

import dev.hark.sim.kernels.CmsisNnConvParams;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.CmsisNnPerChannelQuantParams;
import dev.hark.sim.model.TensorQuant;

/**
 * {@code <kernel>(ctx, conv_params, quant_params, input_dims, input, filter_dims, weights, bias_dims, bias,
 * output_dims, output)}, the kernel {@code arm_convolve_wrapper_s8} or one of hark's with the same arguments and
 * results ({@link ConvolveKernel}).
 *
 * @param kernel       which function runs the call
 * @param scratch      the kernel's scratch buffer, or {@code null} when it needs none
 * @param scratchBytes its planned size ({@link ScratchSizes#convolve})
 * @param outputQuant  the output grid (for documentation; every integer is in the params)
 */
public record ConvolveCall(String layer, ConvolveKernel kernel, CmsisNnConvParams conv, CmsisNnPerChannelQuantParams quant,
                           CmsisNnDims inputDims, TensorId input, CmsisNnDims filterDims, byte[] weights,
                           CmsisNnDims biasDims, int[] bias, CmsisNnDims outputDims, TensorId output,
                           TensorId scratch, int scratchBytes, TensorQuant outputQuant)
        implements KernelCall.WithScratch {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.convolve(this);
    }
}
