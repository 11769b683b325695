/**
 * Pure-Java, integer-only reproductions of the CMSIS-NN kernels hark's generated C calls, bit for bit.
 *
 * <p>One final class per kernel, named after its C function ({@code arm_fully_connected_s8} becomes
 * {@link dev.hark.sim.kernels.ArmFullyConnectedS8}), with a static {@code run} method whose arguments follow
 * the C API in order (the {@code cmsis_nn_context} scratch buffer is omitted; a {@link
 * dev.hark.sim.kernels.Rounding} comes first where the kernel requantizes). Parameter records mirror the
 * {@code cmsis_nn_*} structs. Tensors are whole Java arrays in NHWC order ({@code byte[]} int8,
 * {@code short[]} int16, {@code int[]} int32 bias, {@code long[]} int64 bias), and outputs are written into
 * arrays the caller provides.
 *
 * <p>Offset sign convention (TFLite / TFLite Micro): {@code input_offset = -input_zero_point} is added to
 * each input before multiplying; {@code output_offset = +output_zero_point} is added after requantization.
 * Weights are symmetric int8.
 *
 * <p>The loops are plain reference loops over the mathematical definition; CMSIS-NN's optimised paths
 * compute the same integers. Bit-exactness is checked against vectors produced by the real library
 * (CMSIS-NN v7.0.0-43-g99f736a6) in both rounding builds.
 */
package dev.hark.sim.kernels;
