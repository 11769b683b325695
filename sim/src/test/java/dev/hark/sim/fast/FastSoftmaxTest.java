package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.sim.kernels.ArmSoftmaxS8;
import dev.hark.sim.kernels.SoftmaxAgainstReference;
import dev.hark.testing.Fast;
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
        SoftmaxAgainstReference.check(41, 2000, (input, rows, rowSize, mult, shift, diffMin, output) ->
                new FastSoftmax(rows, rowSize, mult, shift, diffMin).run(input, output));
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
