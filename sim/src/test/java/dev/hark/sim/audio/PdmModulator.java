package dev.hark.sim.audio;

import java.util.function.IntToDoubleFunction;

/**
 * A second-order sigma-delta modulator (Boser-Wooley: two delaying integrators with gains 1/2, a one-bit quantizer;
 * signal transfer a two-sample delay, noise transfer (1 - z^-1)^2), standing in for a PDM microphone in tests: it
 * turns a signal given at the PDM rate into PDM bytes. Strict double arithmetic and {@link StrictMath} make it
 * deterministic. Stable for inputs up to about half of full scale (-6 dBFS) and beyond, as the tests use it.
 */
public final class PdmModulator {
    private double first;
    private double second;

    /**
     * @param signal  the input at PDM sample n, in [-1, 1] (1 = all ones)
     * @param bytes   how many bytes to make (8 samples each)
     * @param order   the bit order to pack them in
     */
    public byte[] modulate(IntToDoubleFunction signal, int bytes, PdmDecimator.BitOrder order) {
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            int b = 0;
            for (int j = 0; j < 8; j++) {
                double y = second >= 0 ? 1 : -1;
                double x = signal.applyAsDouble(8 * i + j);
                second += 0.5 * (first - y);
                first += 0.5 * (x - y);
                b = b << 1 | (y > 0 ? 1 : 0);
            }
            out[i] = (byte) (order == PdmDecimator.BitOrder.MSB_FIRST ? b : PdmDecimator.reverseBits(b));
        }
        return out;
    }

    /** A sine of {@code hz} and {@code amplitude} (full scale 1) at the PDM rate of {@code decimation}. */
    public static IntToDoubleFunction sine(double hz, double amplitude, int decimation) {
        double step = 2 * StrictMath.PI * hz / (decimation * (double) PdmFilters.OUTPUT_RATE);
        return n -> amplitude * StrictMath.sin(step * n);
    }
}
