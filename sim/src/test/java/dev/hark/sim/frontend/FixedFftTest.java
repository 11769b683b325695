package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class FixedFftTest {
    /** Worst-case deviation from the exact DFT proven in docs/frontend.md (section "Overflow bounds"). */
    private static final double PROVEN_ERROR_BOUND = 926;

    private static int[][] fixedFft(int[] input) {
        int[] re = Arrays.copyOf(input, 512);
        int[] im = new int[512];
        FixedFft.forward(re, im, FrontendTables.twiddleCosQ30(), FrontendTables.twiddleSinQ30());
        return new int[][] {re, im};
    }

    /**
     * The twiddles of section 6's "allowed shortcuts": the C FFT ({@code hark_frontend_fft.c}) takes no products for
     * them, which gives the same integers only if the tables hold exactly these values.
     */
    @Test
    void theTwiddlesTheCFftTakesWithoutProductsAreExact() {
        int[] cos = FrontendTables.twiddleCosQ30();
        int[] sin = FrontendTables.twiddleSinQ30();
        int quarter = 512 / 4;
        assertEquals(1 << 30, cos[0]);
        assertEquals(0, sin[0]);
        assertEquals(0, cos[quarter]);
        assertEquals(1 << 30, sin[quarter]);
    }

    /** Largest |fixed - exact| over all 512 bins, the exact DFT computed in double. */
    private static double maxError(int[] input) {
        int[][] fixed = fixedFft(input);
        double[] re = new double[512];
        double[] im = new double[512];
        for (int n = 0; n < input.length; n++) {
            re[n] = input[n];
        }
        DoubleLogMel.fft(re, im);
        double max = 0;
        for (int k = 0; k < 512; k++) {
            max = Math.max(max, Math.hypot(fixed[0][k] - re[k], fixed[1][k] - im[k]));
        }
        return max;
    }

    @Test
    void impulseAtZeroGivesAFlatSpectrumExactly() {
        int[] x = new int[512];
        x[0] = 1234567;
        int[][] out = fixedFft(x);
        int[] expectedRe = new int[512];
        Arrays.fill(expectedRe, 1234567);
        assertArrayEquals(expectedRe, out[0]);
        assertArrayEquals(new int[512], out[1]);
    }

    @Test
    void delayedImpulseGivesARotatingPhasor() {
        int[] x = new int[512];
        x[1] = 1 << 24;
        int[][] out = fixedFft(x);
        for (int k = 0; k < 512; k++) {
            double angle = -2 * Math.PI * k / 512;
            assertEquals((1 << 24) * Math.cos(angle), out[0][k], 2.0, "re at bin " + k);
            assertEquals((1 << 24) * Math.sin(angle), out[1][k], 2.0, "im at bin " + k);
        }
    }

    @Test
    void cosineAtBin32PutsHalfItsSumInBins32And480() {
        int[] x = new int[512];
        for (int n = 0; n < 512; n++) {
            x[n] = (int) Math.round(1e6 * Math.cos(2 * Math.PI * 32 * n / 512));
        }
        int[][] out = fixedFft(x);
        assertEquals(256e6, out[0][32], 600);
        assertEquals(256e6, out[0][480], 600);
        for (int k = 0; k < 512; k++) {
            if (k != 32 && k != 480) {
                assertTrue(Math.hypot(out[0][k], out[1][k]) < 600, "leakage at bin " + k);
            }
        }
    }

    @Test
    void randomInputsStayWithinTheProvenErrorBound() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int[] x = new int[400];
            for (int n = 0; n < 400; n++) {
                x[n] = random.nextInt(1 << 20) - (1 << 19);
            }
            assertTrue(maxError(x) < PROVEN_ERROR_BOUND, "trial " + trial);
        }
    }

    /** The windowed int16 frames with the largest possible sums of |x|: no int32 wrap-around anywhere. */
    @Test
    void fullScaleWindowedFramesDoNotOverflow() {
        short[] window = FrontendTables.hannWindowQ15();
        Random random = new Random(11);
        short[][] frames = new short[5][400];
        for (int n = 0; n < 400; n++) {
            frames[0][n] = Short.MIN_VALUE;                                  // DC: |X[0]| reaches the bound
            frames[1][n] = (short) (n % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE);
            frames[2][n] = (short) ((n / 8) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE);
            frames[3][n] = random.nextBoolean() ? Short.MAX_VALUE : Short.MIN_VALUE;
            frames[4][n] = (short) ((n * 37 / 64) % 2 == 0 ? Short.MIN_VALUE : Short.MAX_VALUE);
        }
        for (short[] frame : frames) {
            int[] windowed = new int[400];
            HannWindow.apply(frame, 0, window, windowed);
            assertTrue(maxError(windowed) < PROVEN_ERROR_BOUND);
        }
        int[] dc = new int[400];
        HannWindow.apply(frames[0], 0, window, dc);
        assertEquals(-256L * 6553599, fixedFft(dc)[0][0], "DC bin of a full-scale negative frame");
    }

    @Test
    void bitReverseReversesNineBits() {
        for (int i = 0; i < 512; i++) {
            String bits = String.format("%9s", Integer.toBinaryString(i)).replace(' ', '0');
            int reversed = Integer.parseInt(new StringBuilder(bits).reverse().toString(), 2);
            assertEquals(reversed, FixedFft.bitReverse(i), "bitReverse(" + bits + ")");
        }
    }
}
