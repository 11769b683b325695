package dev.hark.sim.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

/**
 * The decimator's constants have the properties its integer arithmetic relies on, and the chain they make meets its
 * specification (docs/pdm.md): flat within 0.05 dB from 100 Hz to 7 kHz, at least 69 dB down from 9 to 16 kHz (what
 * aliases onto 0 to 7 kHz at the last decimation), at least 55 dB down where the sinc^5 alone protects the band
 * (within 7 kHz of a multiple of 32 kHz).
 */
@Fast
class PdmFiltersTest {

    @Test
    void firTapsAreSymmetricSumToOneAndCannotOverflowTheInt32Sum() {
        short[] taps = PdmFilters.firQ15();
        assertEquals(PdmFilters.FIR_TAPS, taps.length);
        long sum = 0;
        long absolute = 0;
        for (int k = 0; k < taps.length; k++) {
            assertEquals(taps[k], taps[taps.length - 1 - k], "tap " + k);
            sum += taps[k];
            absolute += Math.abs(taps[k]);
        }
        assertEquals(1 << 15, sum);
        // The FIR's input is at most 2^14 + 1 in magnitude; its int32 sum, and every partial sum, must fit.
        assertTrue(((1 << PdmFilters.FIR_INPUT_FRACTION_BITS) + 1) * absolute < Integer.MAX_VALUE, "sum |h| " + absolute);
    }

    @Test
    void byteSumsAddUpToTheSincFilterAndTheLsbTablesAreTheMsbOnesBitReversed() {
        int[][][] sums = PdmFilters.byteSums();
        long allOnes = 0;
        long alternating = 0;
        for (int t = 0; t < PdmFilters.BYTE_SPAN; t++) {
            allOnes += sums[0][t][0xFF];
            alternating += sums[0][t][0x55];
            for (int b = 0; b < 256; b++) {
                assertEquals(sums[0][t][PdmDecimator.reverseBits(b)], sums[1][t][b]);
                assertEquals(-sums[0][t][b], sums[0][t][~b & 0xFF], "a byte and its complement");
                assertTrue(Math.abs(sums[0][t][b]) < 1 << 15, "int16");
            }
        }
        assertEquals(32768, PdmFilters.BYTE_STAGE_GAIN);
        assertEquals(PdmFilters.BYTE_STAGE_GAIN, allOnes);
        // Alternating bits sum to exactly 0, so silence is exactly 0 from the first stage on.
        assertEquals(0, alternating);
    }

    @Test
    void cicFullScaleBecomesQ14FullScale() {
        for (PdmFilters.Decimation d : PdmFilters.decimations()) {
            long q14 = (d.cicFullScale() * d.multiplier() + (1L << 31)) >> 32;
            assertTrue(Math.abs(q14 - (1 << 14)) <= 1, d + " gives " + q14);
            assertTrue(d.cicFullScale() <= 1L << 30, "the CIC's output must fit int32: " + d);
            assertEquals(d.decimation(), 16 * d.cicDecimation());
        }
    }

    @Test
    void passbandIsFlatWithinFiveHundredthsOfADecibelFrom100HzTo7kHz() {
        for (PdmFilters.Decimation d : PdmFilters.decimations()) {
            for (double hz = 100; hz <= 7000; hz += 5) {
                double db = decibels(PdmFilters.chainGain(d, hz));
                assertTrue(Math.abs(db) <= 0.05, d.decimation() + " at " + hz + " Hz: " + db + " dB");
            }
        }
    }

    @Test
    void whatAliasesFrom9To16kHzIsAtLeast69DecibelsDown() {
        for (PdmFilters.Decimation d : PdmFilters.decimations()) {
            for (double hz = 9000; hz <= 16000; hz += 5) {
                double db = decibels(PdmFilters.chainGain(d, hz));
                assertTrue(db <= -69, d.decimation() + " at " + hz + " Hz: " + db + " dB");
            }
        }
    }

    @Test
    void whatAliasesFromAbove16kHzOntoTheBandIsAtLeast55DecibelsDown() {
        for (PdmFilters.Decimation d : PdmFilters.decimations()) {
            // A 20 Hz grid holds the band edges (multiples of 32 kHz, plus or minus 7 kHz), where the response peaks.
            for (double hz = 16000; hz < d.pdmRate() / 2.0; hz += 20) {
                double alias = hz % PdmFilters.OUTPUT_RATE;
                alias = Math.min(alias, PdmFilters.OUTPUT_RATE - alias);
                if (alias >= 100 && alias <= 7000) {
                    double db = decibels(PdmFilters.chainGain(d, hz));
                    assertTrue(db <= -55, d.decimation() + " at " + hz + " Hz: " + db + " dB");
                }
            }
        }
    }

    private static double decibels(double gain) {
        return 20 * Math.log10(gain);
    }
}
