package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

@Fast
class FrontendTablesTest {
    /**
     * Checksums of the shipped tables. They pin the specification: a change to a formula, constant or
     * rounding rule changes the network's input, so it must be deliberate (update these, docs/frontend.md and
     * retrain). Equal values on every JVM are what StrictMath guarantees.
     */
    private static final long WINDOW_CRC = 1478775815L;
    private static final long TWIDDLE_CRC = 1497689419L;
    private static final long MEL_CRC = 610395069L;

    private static void update(CRC32 crc, short[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 2);
        b.asShortBuffer().put(a);
        crc.update(b.array());
    }

    private static void update(CRC32 crc, int[] a) {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4);
        b.asIntBuffer().put(a);
        crc.update(b.array());
    }

    /** CRC-32 of the big-endian bytes of the given int[] and short[] arrays, in order. */
    static long crc(Object... arrays) {
        CRC32 crc = new CRC32();
        for (Object a : arrays) {
            if (a instanceof short[]) {
                update(crc, (short[]) a);
            } else {
                update(crc, (int[]) a);
            }
        }
        return crc.getValue();
    }

    @Test
    void tablesMatchTheirPinnedChecksums() {
        MelFilterbank mel = FrontendTables.melFilterbank();
        assertEquals(WINDOW_CRC, crc((Object) FrontendTables.hannWindowQ15()), "window");
        assertEquals(TWIDDLE_CRC, crc(FrontendTables.twiddleCosQ30(), FrontendTables.twiddleSinQ30()), "twiddles");
        assertEquals(MEL_CRC, crc(mel.firstBin(), mel.binCount(), mel.weightOffset(), mel.weightsQ15()),
                "mel filterbank");
    }

    @Test
    void rebuildingGivesIdenticalTables() {
        assertArrayEquals(FrontendTables.hannWindowQ15(), HannWindow.buildTable());
        assertArrayEquals(FrontendTables.twiddleCosQ30(), FixedFft.buildCosTable());
        assertArrayEquals(FrontendTables.twiddleSinQ30(), FixedFft.buildSinTable());
        assertArrayEquals(FrontendTables.melFilterbank().weightsQ15(), MelFilterbank.buildHtk().weightsQ15());
    }

    @Test
    void windowIsPeriodicHannInQ15() {
        short[] w = FrontendTables.hannWindowQ15();
        assertEquals(400, w.length);
        assertEquals(0, w[0]);
        assertEquals(16384, w[100]);
        assertEquals(32767, w[200]);
        for (int n = 1; n < 400; n++) {
            assertEquals(w[n], w[400 - n], "periodic Hann is symmetric about n = 200");
            double exact = 32768 * (0.5 - 0.5 * Math.cos(2 * Math.PI * n / 400));
            assertEquals(Math.min(32767, exact), w[n], 0.5 + 1e-9, "w[" + n + "]");
        }
    }

    @Test
    void twiddlesAreQ30CosineAndSine() {
        int[] c = FrontendTables.twiddleCosQ30();
        int[] s = FrontendTables.twiddleSinQ30();
        assertEquals(256, c.length);
        assertEquals(1 << 30, c[0]);
        assertEquals(0, s[0]);
        assertEquals(0, c[128]);
        assertEquals(1 << 30, s[128]);
        for (int k = 0; k < 256; k++) {
            double angle = 2 * Math.PI * k / 512;
            assertEquals(Math.scalb(Math.cos(angle), 30), c[k], 0.5 + 1e-6, "cos[" + k + "]");
            assertEquals(Math.scalb(Math.sin(angle), 30), s[k], 0.5 + 1e-6, "sin[" + k + "]");
            if (k > 0) {
                assertEquals(c[k], -c[256 - k], "cos symmetry at " + k);
                assertEquals(s[k], s[256 - k], "sin symmetry at " + k);
            }
        }
    }

    @Test
    void melFiltersAreQ15TrianglesOnTheHtkScale() {
        MelFilterbank mel = FrontendTables.melFilterbank();
        int[] first = mel.firstBin();
        int[] count = mel.binCount();
        int[] offset = mel.weightOffset();
        short[] weights = mel.weightsQ15();
        double[] edges = mel.edgesHz();
        assertEquals(42, edges.length);
        assertEquals(20.0, edges[0], 1e-9);
        assertEquals(7600.0, edges[41], 1e-9);
        for (int i = 1; i < 42; i++) {
            double melStep = MelFilterbank.hzToMel(edges[i]) - MelFilterbank.hzToMel(edges[i - 1]);
            assertEquals((MelFilterbank.hzToMel(7600) - MelFilterbank.hzToMel(20)) / 41, melStep, 1e-9);
        }
        int expectedOffset = 0;
        for (int m = 0; m < 40; m++) {
            assertEquals(expectedOffset, offset[m], "filters are stored back to back");
            expectedOffset += count[m];
            assertTrue(count[m] >= 3, "filter " + m + " spans at least 3 bins");
            for (int k = 0; k < 257; k++) {
                boolean stored = k >= first[m] && k < first[m] + count[m];
                int q = stored ? weights[offset[m] + k - first[m]] : 0;
                assertTrue(q >= 0 && q <= 32767);
                double exact = 32768 * independentTriangle(edges, m, k * 31.25);
                assertEquals(exact, q, 0.5 + 1e-6, "filter " + m + " bin " + k);
            }
            assertTrue(weights[offset[m]] > 0 && weights[offset[m] + count[m] - 1] > 0, "trimmed ends");
        }
        assertEquals(expectedOffset, weights.length);
    }

    private static double independentTriangle(double[] edges, int m, double hz) {
        double rise = (hz - edges[m]) / (edges[m + 1] - edges[m]);
        double fall = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
        return Math.max(0, Math.min(rise, fall));
    }

    @Test
    void accessorsReturnCopies() {
        short[] w = FrontendTables.hannWindowQ15();
        w[100] = 0;
        assertEquals(16384, FrontendTables.hannWindowQ15()[100]);
        short[] m = FrontendTables.melFilterbank().weightsQ15();
        m[0] = -1;
        assertTrue(FrontendTables.melFilterbank().weightsQ15()[0] > 0);
    }
}
