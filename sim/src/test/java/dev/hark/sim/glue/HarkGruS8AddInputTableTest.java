package dev.hark.sim.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.kernels.ArmElementwiseAddS8;
import dev.hark.sim.kernels.ArmNnRequantize;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.testing.Fast;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The tables {@code hark_gru_s8} reads its additions' input scaling from: an addition taken from them equals
 * {@code arm_elementwise_add_s8} for every pair of int8 inputs, input 1 and input 2 each from its own half.
 */
@Fast
class HarkGruS8AddInputTableTest {
    @ParameterizedTest
    @EnumSource(Rounding.class)
    void anAdditionFromTheTablesEqualsTheKernelForEveryPairOfInputs(Rounding rounding) {
        // Different offsets, multipliers and shifts for the two inputs, so that a swapped half would show.
        ElementwiseAdd add = new ElementwiseAdd(-3, 1_518_500_250, -1, 17, 1_073_741_824, 0, 20, -5, 1_876_499_845,
                -19, -128, 127);
        int[] table = HarkGruS8.addInputTable(rounding, add);
        byte[] in1 = new byte[256 * 256];
        byte[] in2 = new byte[256 * 256];
        for (int i = 0; i < in1.length; i++) {
            in1[i] = (byte) (i / 256 - 128);
            in2[i] = (byte) (i % 256 - 128);
        }
        byte[] expected = new byte[in1.length];
        ArmElementwiseAddS8.run(rounding, in1, in2, add.input1Offset(), add.input1Mult(), add.input1Shift(),
                add.input2Offset(), add.input2Mult(), add.input2Shift(), add.leftShift(), expected, add.outOffset(),
                add.outMult(), add.outShift(), add.activationMin(), add.activationMax(), in1.length);
        byte[] fromTables = new byte[in1.length];
        for (int i = 0; i < in1.length; i++) {
            int sum = table[in1[i] + 128] + table[256 + in2[i] + 128];
            int out = ArmNnRequantize.requantize(sum, add.outMult(), add.outShift(), rounding) + add.outOffset();
            fromTables[i] = (byte) Math.min(Math.max(out, add.activationMin()), add.activationMax());
        }
        assertArrayEquals(expected, fromTables);
    }
}
