package dev.hark.sim.frontend;

import static dev.hark.sim.frontend.FrontendConfig.WINDOW_FRAC_BITS;
import static dev.hark.sim.frontend.FrontendConfig.WINDOW_SAMPLES;
import static dev.hark.sim.frontend.FrontendConfig.WINDOW_SHIFT;

/**
 * Stage 1: periodic Hann window in Q15, applied to int16 samples.
 *
 * <p>Table: {@code w[n] = min(32767, roundHalfAwayFromZero(32768 * (0.5 - 0.5 * cos(2 * pi * n / 400))))}
 * for n = 0..399, cos being {@link StrictMath#cos}. "Periodic" (denominator 400, not 399) makes the windows
 * of overlapping frames tile evenly; the clamp only touches n = 200, whose exact value 32768 does not fit
 * int16.
 *
 * <p>Process: {@code out[n] = (x[n] * w[n] + 64) >> 7}. {@code |x * w| <= 32768 * 32767 < 2^30}, so the
 * product and the rounding fit int32; the result keeps 8 bits below the sample's LSB and lies in
 * [-8388352, 8388352].
 */
public final class HannWindow {
    private HannWindow() {
    }

    /** Builds the 400-entry Q15 table (values 0..32767); see the class comment for the formula. */
    static short[] buildTable() {
        short[] w = new short[WINDOW_SAMPLES];
        double scale = 1 << WINDOW_FRAC_BITS;
        for (int n = 0; n < WINDOW_SAMPLES; n++) {
            double v = 0.5 - 0.5 * StrictMath.cos(2.0 * StrictMath.PI * n / WINDOW_SAMPLES);
            w[n] = (short) Math.min(32767, FixedPoint.roundHalfAwayFromZero(scale * v));
        }
        return w;
    }

    /**
     * Windows one frame into FFT input.
     *
     * @param frame       int16 samples; reads {@code frame[offset .. offset + 400)}
     * @param windowQ15   the 400-entry table from {@link FrontendTables#hannWindowQ15()}
     * @param out         receives the 400 windowed values (with 8 guard bits) in {@code out[0..400)}
     */
    public static void apply(short[] frame, int offset, short[] windowQ15, int[] out) {
        for (int n = 0; n < WINDOW_SAMPLES; n++) {
            out[n] = FixedPoint.roundShift(frame[offset + n] * windowQ15[n], WINDOW_SHIFT);
        }
    }
}
