/**
 * Derivation of the integer quantization parameters CMSIS-NN kernels take (Q31 multipliers, shifts, softmax
 * and add parameters) from float scales, reproducing TFLite / TFLite Micro's arithmetic exactly so that the
 * simulator, the generated firmware and a TFLite model agree on every integer.
 */
package dev.hark.sim.quant;
