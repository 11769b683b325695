package dev.hark.sim.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.audio.PdmDecimator.BitOrder;
import dev.hark.testing.Fast;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What comes out of the decimator when a second-order sigma-delta modulator ({@link PdmModulator}) plays tones into
 * it, against the bounds of the design (docs/pdm.md, "Quality"). Each tone lasts 6000 output samples; the first 2000
 * (125 ms, eight time constants of the DC blocker) are left out and the last 4000 analysed with a DFT whose bins
 * (4 Hz) hold every tone exactly, so no window is needed and a tone is one bin.
 */
@Fast
class PdmQualityTest {
    private static final int WARM_UP = 2000;
    private static final int ANALYSED = 4000;
    private static final double AMPLITUDE = 0.5; // -6 dBFS
    private static final double BIN_HZ = (double) PdmFilters.OUTPUT_RATE / ANALYSED;
    private static final double[] COS = new double[ANALYSED];
    private static final double[] SIN = new double[ANALYSED];

    static {
        for (int i = 0; i < ANALYSED; i++) {
            COS[i] = Math.cos(2 * Math.PI * i / ANALYSED);
            SIN[i] = Math.sin(2 * Math.PI * i / ANALYSED);
        }
    }

    /**
     * SNR (noise and distortion, 100 Hz to 7 kHz) of a 1 kHz tone at -6 dBFS. The bound is the modulator's in-band
     * noise from the linear model of a second-order modulator (quantization noise 1/3 of full scale squared, shaped
     * by (1 - z^-1)^2: pi^4 / (5 OSR^5) of it in band, OSR = PDM rate / 14 kHz), combined with the decimator's own
     * rounding floor (Q14 at 32 kHz and int16 at 16 kHz: 87 dB), less 10 dB because a one-bit quantizer is not the
     * linear model (its gain varies with the signal): 65.7 dB at 1.024 MHz, 69.9 dB at 1.28 MHz, 75.6 dB at 2.048 MHz.
     */
    @ParameterizedTest
    @ValueSource(ints = {64, 80, 128})
    void snrOfA1kHzToneAtMinus6dBFSMeetsTheDesign(int decimation) {
        short[] pcm = decimate(decimation, 1000);
        int tone = bin(1000);
        double noise = 0;
        for (int k = bin(100); k <= bin(7000); k++) {
            if (k != tone) {
                noise += power(pcm, k);
            }
        }
        double snr = 10 * Math.log10(power(pcm, tone) / noise);
        double bound = designSnr(decimation) - 10;
        assertTrue(snr >= bound, decimation + ": SNR " + snr + " dB, design bound " + bound + " dB");
    }

    /** A tone at 1 or 7 kHz comes out at the designed gain (within 0.05 dB of 0 dB) within 0.1 dB. */
    @ParameterizedTest
    @ValueSource(ints = {64, 80, 128})
    void passbandTonesComeOutAtTheDesignedLevel(int decimation) {
        PdmFilters.Decimation d = PdmFilters.decimation(decimation, "decimation");
        for (double hz : new double[] {1000, 7000}) {
            double level = levelDb(decimate(decimation, hz), hz);
            double designed = 20 * Math.log10(PdmFilters.chainGain(d, hz));
            assertTrue(Math.abs(level - designed) <= 0.1, decimation + " at " + hz + " Hz: " + level
                    + " dB, designed " + designed + " dB");
        }
    }

    /**
     * Tones from 9 to 12 kHz alias onto 7 to 4 kHz at the last decimation: the design takes them at least 69 dB down;
     * the measured alias, with the modulator's noise in its bin, must be at least 66 dB down.
     */
    @ParameterizedTest
    @ValueSource(ints = {64, 80, 128})
    void tonesFrom9To12kHzAliasAtLeast66DecibelsDown(int decimation) {
        for (double hz : new double[] {9000, 10000, 11000, 12000}) {
            double alias = PdmFilters.OUTPUT_RATE - hz;
            double level = levelDb(decimate(decimation, hz), alias);
            assertTrue(level <= -66, decimation + ": " + hz + " Hz came out at " + alias + " Hz, " + level + " dB");
        }
    }

    /** In-band SNR of the linear model plus the decimator's rounding, dB, for a -6 dBFS tone. */
    private static double designSnr(int decimation) {
        double osr = decimation * (double) PdmFilters.OUTPUT_RATE / (2 * 7000.0);
        double modulatorNoise = (1.0 / 3) * Math.pow(Math.PI, 4) / (5 * Math.pow(osr, 5));
        double signal = AMPLITUDE * AMPLITUDE / 2;
        double roundingFloorDb = 87;
        double noise = modulatorNoise + signal * Math.pow(10, -roundingFloorDb / 10);
        return 10 * Math.log10(signal / noise);
    }

    /** Level of the bin at {@code hz} relative to the input tone (amplitude 0.5 of full scale), dB. */
    private static double levelDb(short[] pcm, double hz) {
        double inputAmplitude = AMPLITUDE * 32768;
        return 10 * Math.log10(power(pcm, bin(hz)) / (inputAmplitude * inputAmplitude));
    }

    private static int bin(double hz) {
        return (int) Math.round(hz / BIN_HZ);
    }

    /** A -6 dBFS tone through modulator and decimator: 6000 samples. */
    private static short[] decimate(int decimation, double hz) {
        int bytes = (WARM_UP + ANALYSED) * decimation / 8;
        byte[] pdm = new PdmModulator().modulate(PdmModulator.sine(hz, AMPLITUDE, decimation), bytes, BitOrder.MSB_FIRST);
        return new PdmDecimator(decimation, BitOrder.MSB_FIRST, 256).pushBytes(pdm);
    }

    /** The squared amplitude of DFT bin k (not 0 or N/2) of the analysed samples: a sine on that bin's squared amplitude. */
    private static double power(short[] pcm, int k) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < ANALYSED; i++) {
            int phase = (int) ((long) k * i % ANALYSED);
            re += pcm[WARM_UP + i] * COS[phase];
            im -= pcm[WARM_UP + i] * SIN[phase];
        }
        return (re * re + im * im) * 4 / ((double) ANALYSED * ANALYSED);
    }
}
