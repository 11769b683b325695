package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code hark_softmax_s8}'s twin on its exponential table against the real library's {@code softmax_s8.json}, and
 * against {@link ArmSoftmaxS8} on random rows: every shift, multipliers over the Q31 range, cut-offs from none to
 * all, and rows holding both int8 extremes (the difference -255).
 */
@Fast
class HarkSoftmaxS8Test extends GoldenFileTest {
    HarkSoftmaxS8Test() {
        super("softmax_s8.json", (rounding, c) -> {
            byte[] input = c.int8Array("input");
            byte[] output = new byte[input.length];
            HarkSoftmaxS8.run(input, c.intParam("num_rows"), c.intParam("row_size"), HarkSoftmaxS8.expTable(
                    c.intParam("mult"), c.intParam("shift"), c.intParam("diff_min")), output);
            c.assertOutput(output);
        });
    }

    @Test
    void randomRowsGiveTheReferenceBytes() {
        Random random = new Random(43);
        for (int i = 0; i < 2000; i++) {
            int rows = random.nextInt(4);
            int rowSize = 1 + random.nextInt(random.nextBoolean() ? 16 : 200);
            int mult = random.nextInt(8) == 0 ? random.nextInt() : (1 << 30) + random.nextInt(1 << 30);
            int shift = random.nextInt(32);
            int diffMin = random.nextInt(8) == 0 ? Integer.MIN_VALUE : 1 - random.nextInt(300);
            byte[] input = new byte[rows * rowSize];
            random.nextBytes(input);
            if (random.nextInt(4) == 0 && input.length > 1) {
                input[0] = Byte.MIN_VALUE;
                input[input.length - 1] = Byte.MAX_VALUE;
            }
            byte[] expected = new byte[input.length];
            IllegalArgumentException referenceProblem = null;
            try {
                ArmSoftmaxS8.run(input, rows, rowSize, mult, shift, diffMin, expected);
            } catch (IllegalArgumentException e) {
                referenceProblem = e;
            }
            int[] table = HarkSoftmaxS8.expTable(mult, shift, diffMin);
            byte[] actual = new byte[input.length];
            String where = "case " + i + ": " + rows + " x " + rowSize + ", mult " + mult + ", shift " + shift
                    + ", diff_min " + diffMin;
            if (referenceProblem != null) {
                assertThrows(IllegalArgumentException.class,
                        () -> HarkSoftmaxS8.run(input, rows, rowSize, table, actual), where);
            } else {
                HarkSoftmaxS8.run(input, rows, rowSize, table, actual);
                assertArrayEquals(expected, actual, where);
            }
        }
    }

    @Test
    void theTableHoldsZeroBelowTheCutOffAndRefusesShiftsBeyond31() {
        int[] table = HarkSoftmaxS8.expTable(1 << 30, 20, -10);
        assertEquals(HarkSoftmaxS8.TABLE_SIZE, table.length);
        assertEquals(Integer.MAX_VALUE, table[0]);
        assertEquals(0, table[11]);
        assertThrows(IllegalArgumentException.class, () -> HarkSoftmaxS8.expTable(1 << 30, 32, 0));
        assertThrows(IllegalArgumentException.class, () -> HarkSoftmaxS8.expTable(1 << 30, -1, 0));
    }
}
