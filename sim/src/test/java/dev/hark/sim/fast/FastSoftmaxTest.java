package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FastSoftmax} against the real library's {@code softmax_s8.json}, and against {@link ArmSoftmaxS8} on random
 * rows: every shift, multipliers over the Q31 range, cut-offs from none to all, and rows of the int8 extremes (every
 * difference from 0 to -255).
 */
@Fast
class FastSoftmaxTest extends GoldenFileTest {
    FastSoftmaxTest() {
        super("softmax_s8.json", (rounding, c) -> {
            byte[] input = c.int8Array("input");
            byte[] output = new byte[input.length];
            new FastSoftmax(c.intParam("num_rows"), c.intParam("row_size"), c.intParam("mult"), c.intParam("shift"),
                    c.intParam("diff_min")).run(input, output);
            c.assertOutput(output);
        });
    }

    @Test
    void randomRowsGiveTheReferenceBytes() {
        Random random = new Random(41);
        for (int i = 0; i < 2000; i++) {
            int rows = random.nextInt(4);
            int rowSize = 1 + random.nextInt(random.nextBoolean() ? 16 : 200);
            int mult = random.nextInt(8) == 0 ? random.nextInt() : Operands.multiplier(random);
            int shift = random.nextInt(32);
            int diffMin = random.nextInt(8) == 0 ? Integer.MIN_VALUE : -random.nextInt(300);
            byte[] input = Operands.bytes(random, rows * rowSize);
            if (random.nextInt(4) == 0 && input.length > 1) {
                // One row holding both extremes: the difference -255.
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
            FastSoftmax fast = new FastSoftmax(rows, rowSize, mult, shift, diffMin);
            byte[] actual = new byte[input.length];
            String where = "case " + i + ": " + rows + " x " + rowSize + ", mult " + mult + ", shift " + shift
                    + ", diff_min " + diffMin;
            if (referenceProblem != null) {
                // A sum too large to normalise: the fast kernel refuses it too.
                assertThrows(IllegalArgumentException.class, () -> fast.run(input, actual), where);
            } else {
                fast.run(input, actual);
                assertArrayEquals(expected, actual, where);
            }
        }
    }

    @Test
    void inPlaceGivesTheSameBytes() {
        byte[] input = {14, 6, -3, 14, 100, -128};
        byte[] separate = new byte[input.length];
        FastSoftmax fast = new FastSoftmax(2, 3, 1 << 30, 23, -248);
        fast.run(input, separate);
        byte[] inPlace = input.clone();
        fast.run(inPlace, inPlace);
        assertArrayEquals(separate, inPlace);
    }
}
