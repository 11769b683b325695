package dev.hark.sim.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.GoldenFileTest;
import dev.hark.testing.Fast;
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
        SoftmaxAgainstReference.check(43, 2000, (input, rows, rowSize, mult, shift, diffMin, output) ->
                HarkSoftmaxS8.run(input, rows, rowSize, HarkSoftmaxS8.expTable(mult, shift, diffMin), output));
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
