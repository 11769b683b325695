package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

/**
 * A softmax with {@code arm_softmax_s8}'s integers checked against {@link ArmSoftmaxS8} on random rows: every shift,
 * multipliers over the Q31 range (one in eight any int), cut-offs from none to all, and rows holding both int8
 * extremes (the difference -255). Where the reference refuses a case (a row's sum too large to normalise), the softmax
 * under test must refuse it too.
 */
public final class SoftmaxAgainstReference {
    /** The softmax under test, given {@code arm_softmax_s8}'s arguments. */
    @FunctionalInterface
    public interface Softmax {
        void run(byte[] input, int rows, int rowSize, int mult, int shift, int diffMin, byte[] output);
    }

    private SoftmaxAgainstReference() {
    }

    /** Checks {@code softmax} on {@code cases} random cases drawn from {@code seed}. */
    public static void check(long seed, int cases, Softmax softmax) {
        Random random = new Random(seed);
        for (int i = 0; i < cases; i++) {
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
            boolean refused = false;
            try {
                ArmSoftmaxS8.run(input, rows, rowSize, mult, shift, diffMin, expected);
            } catch (IllegalArgumentException e) {
                refused = true;
            }
            byte[] actual = new byte[input.length];
            String where = "case " + i + ": " + rows + " x " + rowSize + ", mult " + mult + ", shift " + shift
                    + ", diff_min " + diffMin;
            if (refused) {
                assertThrows(IllegalArgumentException.class,
                        () -> softmax.run(input, rows, rowSize, mult, shift, diffMin, actual), where);
            } else {
                softmax.run(input, rows, rowSize, mult, shift, diffMin, actual);
                assertArrayEquals(expected, actual, where);
            }
        }
    }
}
