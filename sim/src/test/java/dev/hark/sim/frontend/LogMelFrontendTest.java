package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

@Fast
class LogMelFrontendTest {
    /** Pins the whole pipeline on a fixed synthetic clip; see FrontendTablesTest for why. */
    private static final long SYNTHETIC_FEATURES_CRC = 2085951307L;

    /** One second of a chirp from 100 Hz to 7 kHz over quiet deterministic noise. */
    static short[] syntheticClip() {
        Random random = new Random(42);
        short[] x = new short[16000];
        double phase = 0;
        for (int n = 0; n < x.length; n++) {
            double hz = 100 + 6900.0 * n / x.length;
            phase += 2 * Math.PI * hz / 16000;
            x[n] = (short) Math.round(8000 * Math.sin(phase) + 30 * random.nextGaussian());
        }
        return x;
    }

    static short[] sine(double hz, double amplitude, int samples) {
        short[] x = new short[samples];
        for (int n = 0; n < samples; n++) {
            x[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n / 16000));
        }
        return x;
    }

    @Test
    void frameCountIsOnePlusWholeHops() {
        assertEquals(1, LogMelFrontend.frameCount(1));
        assertEquals(1, LogMelFrontend.frameCount(159));
        assertEquals(2, LogMelFrontend.frameCount(160));
        assertEquals(2, LogMelFrontend.frameCount(161));
        assertEquals(100, LogMelFrontend.frameCount(15999));
        assertEquals(101, LogMelFrontend.frameCount(16000));
        assertEquals(101, LogMelFrontend.frameCount(16159));
        assertEquals(201, LogMelFrontend.frameCount(32000));
        assertThrows(IllegalArgumentException.class, () -> LogMelFrontend.frameCount(0));
    }

    @Test
    void outputHasFrameCountTimes40Codes() {
        LogMelFrontend fe = new LogMelFrontend();
        for (int n : new int[] {1, 159, 160, 161, 1000, 16000}) {
            assertEquals(LogMelFrontend.frameCount(n) * 40, fe.compute(new short[n]).length, "length " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> fe.compute(new short[0]));
    }

    @Test
    void silenceGivesTheMinimumCodeEverywhere() {
        byte[] out = new LogMelFrontend().compute(new short[16000]);
        byte[] expected = new byte[101 * 40];
        Arrays.fill(expected, (byte) -128);
        assertArrayEquals(expected, out);
    }

    @Test
    void isDeterministicAndPinned() {
        short[] clip = syntheticClip();
        byte[] a = new LogMelFrontend().compute(clip);
        LogMelFrontend reused = new LogMelFrontend();
        reused.compute(sine(1000, 20000, 16000));
        assertArrayEquals(a, reused.compute(clip), "scratch state must not leak between calls");
        CRC32 crc = new CRC32();
        crc.update(a);
        assertEquals(SYNTHETIC_FEATURES_CRC, crc.getValue());
    }

    @Test
    void sineAtAFilterCenterPeaksInThatFilter() {
        LogMelFrontend fe = new LogMelFrontend();
        MelFilterbank mel = FrontendTables.melFilterbank();
        for (int m = 0; m < 40; m++) {
            byte[] out = fe.compute(sine(mel.centerHz(m), 10000, 16000));
            int frame = 50 * 40;
            int best = 0;
            for (int i = 1; i < 40; i++) {
                if (out[frame + i] > out[frame + best]) {
                    best = i;
                }
            }
            assertEquals(m, best, "sine at " + mel.centerHz(m) + " Hz");
        }
    }

    /** Between two centers, the louder of the two neighbouring filters is the one whose center is nearer. */
    @Test
    void sineBetweenCentersPeaksInTheNearerFilter() {
        LogMelFrontend fe = new LogMelFrontend();
        MelFilterbank mel = FrontendTables.melFilterbank();
        for (int m = 5; m < 39; m++) {
            double lo = mel.centerHz(m);
            double hi = mel.centerHz(m + 1);
            for (double t : new double[] {0.3, 0.7}) {
                double hz = lo + t * (hi - lo);
                FrameTrace trace = fe.traceFrame(sine(hz, 10000, 400), 0);
                int nearer = t < 0.5 ? m : m + 1;
                int farther = t < 0.5 ? m + 1 : m;
                assertTrue(trace.logQ16()[nearer] > trace.logQ16()[farther], "sine at " + hz + " Hz");
            }
        }
    }

    /**
     * Full-scale square waves and white noise: any int32/int64 wrap-around would make the integer features
     * diverge wildly from the double reference (or make a mel energy negative). The reference uses the Q15
     * window table so that the comparison isolates the arithmetic: with the exact window, the table's own
     * rounding (a floor about 96 dB below the frame's peak) shows up in the near-empty bands of a square wave.
     */
    @Test
    void fullScaleSignalsMatchTheReferenceWithoutWrapping() {
        Random random = new Random(5);
        short[][] signals = new short[3][16000];
        for (int n = 0; n < 16000; n++) {
            signals[0][n] = (n / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;   // 400 Hz square
            signals[1][n] = (n / 3) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;    // 2667 Hz square
            signals[2][n] = (short) random.nextInt(65536);                         // white noise
        }
        LogMelFrontend fe = new LogMelFrontend();
        for (short[] signal : signals) {
            for (int offset = 0; offset + 400 <= signal.length; offset += 1600) {
                FrameTrace trace = fe.traceFrame(signal, offset);
                double[] ref = DoubleLogMel.log2Energy(signal, offset, DoubleLogMel.q15Window());
                for (int m = 0; m < 40; m++) {
                    assertTrue(trace.melEnergy()[m] >= 0 && trace.melEnergy()[m] < (1L << 62));
                    assertEquals(DoubleLogMel.quantize(ref[m]), trace.features()[m], 1.0,
                            "offset " + offset + " mel " + m);
                }
            }
        }
        FrameTrace loud = fe.traceFrame(signals[0], 8000);
        assertTrue(loud.features()[nearestFilter(400)] >= 120, "a full-scale 400 Hz square is near the top code");
    }

    private static int nearestFilter(double hz) {
        MelFilterbank mel = FrontendTables.melFilterbank();
        int best = 0;
        for (int m = 1; m < 40; m++) {
            if (Math.abs(mel.centerHz(m) - hz) < Math.abs(mel.centerHz(best) - hz)) {
                best = m;
            }
        }
        return best;
    }

    /** A streaming caller keeps 400 samples, appends 160 at a time and gets the same frames. */
    @Test
    void framesFedHopByHopMatchTheWholeClip() {
        short[] clip = syntheticClip();
        byte[] whole = new LogMelFrontend().compute(clip);
        LogMelFrontend fe = new LogMelFrontend();
        short[] window = new short[400];
        System.arraycopy(clip, 0, window, 200, 200);     // 200 zeros of padding, then the first 200 samples
        byte[] streamed = new byte[whole.length];
        fe.computeFrame(window, streamed, 0);
        int next = 200;
        for (int f = 1; f < 101; f++) {
            System.arraycopy(window, 160, window, 0, 240);
            for (int i = 0; i < 160; i++) {
                window[240 + i] = next < clip.length ? clip[next] : 0;
                next++;
            }
            fe.computeFrame(window, streamed, f * 40);
        }
        assertArrayEquals(whole, streamed);
    }

    @Test
    void traceAgreesWithComputeFrame() {
        short[] clip = syntheticClip();
        LogMelFrontend fe = new LogMelFrontend();
        byte[] out = new byte[40];
        fe.computeFrame(clip, 3000, out, 0);
        FrameTrace t = fe.traceFrame(clip, 3000);
        assertArrayEquals(out, t.features());
        for (int m = 0; m < 40; m++) {
            assertEquals(FixedLog2.log2Q16(t.melEnergy()[m] + 1), t.logQ16()[m]);
        }
    }

    @Test
    void rejectsFramesAndOutputsOutOfRange() {
        LogMelFrontend fe = new LogMelFrontend();
        assertThrows(IllegalArgumentException.class, () -> fe.computeFrame(new short[399], new byte[40], 0));
        assertThrows(IllegalArgumentException.class, () -> fe.computeFrame(new short[400], new byte[40], 1));
        assertThrows(IllegalArgumentException.class, () -> fe.computeFrame(new short[500], 101, new byte[40], 0));
        assertThrows(IllegalArgumentException.class, () -> fe.computeFrame(new short[500], -1, new byte[40], 0));
    }
}
