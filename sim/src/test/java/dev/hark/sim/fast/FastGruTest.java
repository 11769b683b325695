package dev.hark.sim.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.glue.HarkGruS8;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.GruLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FastGru} against {@link HarkGruS8}, the GRU's definition, on random layers (every projection, addition,
 * multiplication and table drawn at random): from a zero state over a whole clip's steps, and from a carried state
 * step by step, the state being the output itself as a streaming program passes it.
 */
@Fast
class FastGruTest {
    @Test
    void aWholeClipFromZeroGivesTheReferenceBytes() {
        Random random = new Random(31);
        for (int i = 0; i < 150; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            GruLayer gru = randomGru(random);
            int steps = 1 + random.nextInt(12);
            byte[] input = Operands.bytes(random, steps * gru.inputSize());
            byte[] expected = new byte[steps * gru.hiddenSize()];
            HarkGruS8.run(rounding, gru, steps, input, expected);

            FastGru fast = new FastGru(rounding, gru);
            byte[] actual = new byte[expected.length];
            fast.run(input, null, actual, fast.newScratch(steps));
            assertArrayEquals(expected, actual, "case " + i);
        }
    }

    @Test
    void aCarriedStateGivesTheReferenceBytesStepByStep() {
        Random random = new Random(37);
        for (int i = 0; i < 60; i++) {
            Rounding rounding = Rounding.values()[i % 2];
            GruLayer gru = randomGru(random);
            FastGru fast = new FastGru(rounding, gru);
            FastGru.Scratch scratch = fast.newScratch(1);
            byte[] expected = Operands.bytes(random, gru.hiddenSize());
            byte[] actual = expected.clone();
            for (int step = 0; step < 8; step++) {
                byte[] input = Operands.bytes(random, gru.inputSize());
                HarkGruS8.run(rounding, gru, 1, input, expected, expected);
                fast.run(input, actual, actual, scratch);
                assertArrayEquals(expected, actual, "case " + i + " step " + step);
            }
        }
    }

    private static GruLayer randomGru(Random random) {
        int inputSize = 1 + random.nextInt(40);
        int hidden = 1 + random.nextInt(24);
        FullyConnected[] inputFc = new FullyConnected[3];
        FullyConnected[] hiddenFc = new FullyConnected[3];
        for (int g = 0; g < 3; g++) {
            inputFc[g] = Operands.fullyConnected(random, inputSize, hidden, false);
            hiddenFc[g] = Operands.fullyConnected(random, hidden, hidden, false);
        }
        return new GruLayer("gru", 1, inputSize, hidden, inputFc, hiddenFc, Operands.add(random),
                Operands.add(random), Operands.add(random), Operands.add(random), Operands.mul(random),
                Operands.mul(random), Operands.mul(random), Operands.bytes(random, 256), Operands.bytes(random, 256),
                Operands.bytes(random, 256), Operands.bytes(random, 256), new TensorQuant(1 / 128f, 0));
    }
}
