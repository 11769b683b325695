package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.POWER_SHIFT;
import static dev.hark.sim.frontend.FrontendConfig.SPECTRUM_BINS;

/**
 * Stage 3: power of the non-negative-frequency bins,
 * {@code P[k] = (re[k]^2 + im[k]^2 + 2^15) >> 16} in int64 for k = 0..256.
 *
 * <p>The shift removes the 2 x 8 guard bits added by the window stage, so {@code P[k]} approximates
 * {@code |DFT(x * hann)[k]|^2} with x in int16 units. {@code |X[k]| < 1.68e9} makes the sum of squares at
 * most about 2.8e18, below 2^63.
 */
public final class PowerSpectrum {
    private PowerSpectrum() {
    }

    /**
     * @param re    FFT output, real parts (first 257 used)
     * @param im    FFT output, imaginary parts (first 257 used)
     * @param power receives {@code P[0..257)}, each in [0, 2^46)
     */
    public static void compute(int[] re, int[] im, long[] power) {
        for (int k = 0; k < SPECTRUM_BINS; k++) {
            long r = re[k];
            long i = im[k];
            power[k] = FixedPoint.roundShift(r * r + i * i, POWER_SHIFT);
        }
    }
}
