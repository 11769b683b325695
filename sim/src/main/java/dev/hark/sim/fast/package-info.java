/**
 * The simulator's fast path: the heavy kernels of a program (fully connected, convolution, GRU) with their weights
 * widened and laid out once, when the program is compiled (constant weights two rows to a {@code long},
 * {@link dev.hark.sim.fast.RowPairs}), the softmax with its exponentials tabulated once, and every run reusing the
 * caller's scratch instead of allocating.
 *
 * <p>They compute the integers of the reference kernels ({@link dev.hark.sim.kernels}, {@link dev.hark.sim.glue}),
 * which define them: every sum is the same int32 sum (wrapping addition does not depend on the order), and every
 * requantization is the reference's own {@link dev.hark.sim.kernels.ArmNnRequantize#requantize}. Only the loops
 * differ: inputs widened once per call, dot products over contiguous arrays, two rows a multiply, no argument objects
 * or messages built per call. The tests run both on the
 * same operands and compare every byte.
 */
package dev.hark.sim.fast;
