package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.sim.GoldenFileTest;
import dev.hark.sim.glue.FcCall;
import dev.hark.sim.kernels.CmsisNnDims;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.FullyConnected;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FastFullyConnected} against the real library's {@code fully_connected_s8.json} (none of whose cases has a
 * filter offset, which the fast kernel does not take), and against the reference kernel on random operands: sizes,
 * offsets, multipliers and shifts over their whole ranges, so sums wrap and requantizations saturate.
 */
@Fast
class FastFullyConnectedTest extends GoldenFileTest {
    FastFullyConnectedTest() {
        super("fully_connected_s8.json", (rounding, c) -> {
            assertEquals(0, c.intParam("filter_offset"), c.name() + ": a filter offset");
            CmsisNnDims input = c.dims("input_dims");
            CmsisNnDims filter = c.dims("filter_dims");
            CmsisNnDims out = c.dims("output_dims");
            int[] bias = c.int32Array("bias");
            FullyConnected fc = new FullyConnected(filter.n(), out.c(), c.int8Array("filter"),
                    bias == null ? new int[out.c()] : bias, c.intParam("input_offset"), c.intParam("output_offset"),
                    c.perTensorQuant().multiplier(), c.perTensorQuant().shift(), c.intParam("activation_min"),
                    c.intParam("activation_max"));
            FastFullyConnected fast = new FastFullyConnected(rounding, fc);
            byte[] output = new byte[input.n() * out.c()];
            fast.run(input.n(), c.int8Array("input"), output, new int[fast.scratchInts()]);
            c.assertOutput(output);
        });
    }

    @Test
    void randomOperandsGiveTheReferenceKernelsBytes() {
        Random random = new Random(17);
        for (int i = 0; i < 400; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            FullyConnected fc = Operands.fullyConnected(random, 1 + random.nextInt(160), 1 + random.nextInt(40),
                    random.nextBoolean());
            int batches = 1 + random.nextInt(4);
            byte[] input = Operands.bytes(random, batches * fc.inputSize());
            byte[] expected = new byte[batches * fc.outputSize()];
            FcCall.fullyConnected(rounding, fc, batches, input, expected);

            FastFullyConnected fast = new FastFullyConnected(rounding, fc);
            byte[] actual = new byte[expected.length];
            fast.run(batches, input, actual, new int[fast.scratchInts()]);
            assertArrayEquals(expected, actual, "case " + i);
        }
    }

    @Test
    void aFilterGivenAtRunTimeGivesTheReferenceKernelsBytes() {
        Random random = new Random(18);
        for (int i = 0; i < 100; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            FullyConnected constant = Operands.fullyConnected(random, 1 + random.nextInt(30), 1 + random.nextInt(30),
                    false);
            FullyConnected atRunTime = new FullyConnected(constant.inputSize(), constant.outputSize(), null,
                    constant.bias(), constant.inputOffset(), constant.outputOffset(), constant.multiplier(),
                    constant.shift(), constant.activationMin(), constant.activationMax());
            byte[] input = Operands.bytes(random, constant.inputSize());
            byte[] expected = new byte[constant.outputSize()];
            FcCall.fullyConnected(rounding, constant, 1, input, expected);

            FastFullyConnected fast = new FastFullyConnected(rounding, atRunTime);
            byte[] actual = new byte[expected.length];
            fast.run(1, input, constant.weights(), actual, new int[fast.scratchInts()]);
            assertArrayEquals(expected, actual, "case " + i);
        }
    }
}
