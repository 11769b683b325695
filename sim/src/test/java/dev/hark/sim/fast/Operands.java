package dev.hark.sim.fast;

import dev.hark.sim.model.ElementwiseAdd;
import dev.hark.sim.model.ElementwiseMul;
import dev.hark.sim.model.FullyConnected;
import java.util.Random;

/**
 * Random kernel operands over the ranges the kernels accept: offsets of int8 zero points, Q31 multipliers in
 * [2^30, 2^31), shifts from -31 up to a few left shifts, and now and then a clamp narrower than int8.
 */
final class Operands {
    private Operands() {
    }

    static byte[] bytes(Random random, int count) {
        byte[] values = new byte[count];
        random.nextBytes(values);
        // Runs of the extremes, which push the sums furthest.
        if (random.nextInt(4) == 0) {
            byte extreme = random.nextBoolean() ? Byte.MIN_VALUE : Byte.MAX_VALUE;
            for (int i = 0; i < count; i += 1 + random.nextInt(2)) {
                values[i] = extreme;
            }
        }
        return values;
    }

    static int[] ints(Random random, int count, int bound) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(2 * bound + 1) - bound;
        }
        return values;
    }

    /** {@code -zero_point} of an int8 input: [-127, 128]. */
    static int inputOffset(Random random) {
        return random.nextInt(256) - 127;
    }

    /** {@code +zero_point} of an int8 output: [-128, 127]. */
    static int outputOffset(Random random) {
        return random.nextInt(256) - 128;
    }

    static int multiplier(Random random) {
        return (1 << 30) + random.nextInt(1 << 30);
    }

    /** Mostly right shifts (every requantization of a trained network), sometimes a small left shift. */
    static int shift(Random random) {
        return random.nextInt(8) == 0 ? random.nextInt(4) : -random.nextInt(32);
    }

    static int[] clamp(Random random) {
        if (random.nextInt(4) != 0) {
            return new int[] {-128, 127};
        }
        int min = random.nextInt(128) - 128;
        return new int[] {min, min + random.nextInt(127 - min + 1)};
    }

    static FullyConnected fullyConnected(Random random, int inputSize, int outputSize, boolean largeBias) {
        int[] clamp = clamp(random);
        return new FullyConnected(inputSize, outputSize, bytes(random, inputSize * outputSize),
                ints(random, outputSize, largeBias ? Integer.MAX_VALUE / 2 : 1 << 16), inputOffset(random),
                outputOffset(random), multiplier(random), shift(random), clamp[0], clamp[1]);
    }

    static ElementwiseAdd add(Random random) {
        int[] clamp = clamp(random);
        return new ElementwiseAdd(inputOffset(random), multiplier(random), -random.nextInt(32), inputOffset(random),
                multiplier(random), -random.nextInt(32), 20, outputOffset(random), multiplier(random),
                -random.nextInt(32), clamp[0], clamp[1]);
    }

    static ElementwiseMul mul(Random random) {
        int[] clamp = clamp(random);
        return new ElementwiseMul(inputOffset(random), inputOffset(random), outputOffset(random), multiplier(random),
                shift(random), clamp[0], clamp[1]);
    }
}
