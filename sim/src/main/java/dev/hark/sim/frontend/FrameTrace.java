package dev.hark.sim.frontend;

/**
 * Every intermediate value of one frame, for per-stage golden vectors and tests. Arrays are owned by the
 * record (fresh copies).
 *
 * @param windowed  400 windowed samples (8 guard bits)
 * @param fftRe     512 FFT outputs, real parts
 * @param fftIm     512 FFT outputs, imaginary parts
 * @param power     257 power values, (int16 LSB)^2 units
 * @param melEnergy 40 mel energies, Q15
 * @param logQ16    40 values {@code log2(melEnergy + 1)} in Q16
 * @param features  40 int8 codes
 */
public record FrameTrace(int[] windowed, int[] fftRe, int[] fftIm, long[] power, long[] melEnergy, int[] logQ16,
                         byte[] features) {
}
