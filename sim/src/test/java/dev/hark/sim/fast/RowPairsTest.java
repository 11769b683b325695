package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RowPairs} against one plain int32 dot product a row: random matrices of odd and even row counts, sums at the
 * edge of the int32 range the pairing allows, and a matrix whose sums could leave it.
 */
@Fast
class RowPairsTest {
    @Test
    void randomRowsGiveThePlainSums() {
        Random random = new Random(43);
        for (int i = 0; i < 2000; i++) {
            int rows = 1 + random.nextInt(20);
            int length = 1 + random.nextInt(random.nextBoolean() ? 20 : 300);
            int offset = Operands.inputOffset(random);
            int[] weights = widen(Operands.bytes(random, rows * length), 0);
            int[] x = widen(Operands.bytes(random, length + 3), offset);
            RowPairs pairs = new RowPairs(weights, rows, length, RowPairs.maxAbsWidened(offset));
            assertTrue(pairs.paired(), "case " + i);
            assertSums(weights, rows, length, x, 3, pairs, "case " + i);
        }
    }

    @Test
    void theLargestSumsThePairingAllowsStayExact() {
        // |x| = 256 everywhere and |w| = 128 in the low rows: their sums are -+(2^31 - 2^15), at the bound's edge.
        int length = (int) ((1L << 31) / (256 * 128)) - 1;
        for (int sign : new int[] {1, -1}) {
            int[] weights = new int[3 * length];
            Arrays.fill(weights, 0, length, -128);
            Arrays.fill(weights, length, 2 * length, sign * 127);
            Arrays.fill(weights, 2 * length, 3 * length, Byte.MIN_VALUE);
            int[] x = new int[length];
            Arrays.fill(x, sign * 256);
            RowPairs pairs = new RowPairs(weights, 3, length, 256);
            assertTrue(pairs.paired());
            assertSums(weights, 3, length, x, 0, pairs, "sign " + sign);
        }
    }

    @Test
    void rowsWhoseSumsCouldLeaveInt32KeepThePlainLoop() {
        // With x up to 2^20 the low row's sum could reach 2^20 * 128 * 64 = 2^33.
        Random random = new Random(47);
        int rows = 5;
        int length = 64;
        int[] weights = widen(Operands.bytes(random, rows * length), 0);
        Arrays.fill(weights, 0, length, Byte.MIN_VALUE);
        RowPairs pairs = new RowPairs(weights, rows, length, 1 << 20);
        assertFalse(pairs.paired());
        int[] x = new int[length];
        Arrays.fill(x, 1 << 20);
        assertSums(weights, rows, length, x, 0, pairs, "unpaired");
    }

    private static void assertSums(int[] weights, int rows, int length, int[] x, int xFrom, RowPairs pairs,
                                   String where) {
        int[] expected = new int[rows + 2];
        int[] actual = new int[rows + 2];
        for (int r = 0; r < rows; r++) {
            int sum = 0;
            for (int i = 0; i < length; i++) {
                sum += x[xFrom + i] * weights[r * length + i];
            }
            expected[2 + r] = sum;
        }
        pairs.dots(x, xFrom, actual, 2);
        assertArrayEquals(expected, actual, where);
    }

    private static int[] widen(byte[] values, int offset) {
        int[] widened = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            widened[i] = values[i] + offset;
        }
        return widened;
    }
}
