package dev.hark.trainer.floatref;

import dev.hark.trainer.model.CrnnConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Test fixture: CRNN weights drawn from N(0, 1 / fan-in), deterministic under a seed, without DJL. */
public final class RandomCrnnWeights {
    private RandomCrnnWeights() {
    }

    /**
     * @param convGain extra factor on the convolution's weights and bias (the raw features are large, so a small
     *                 gain keeps the first layer out of saturation)
     */
    public static CrnnWeights of(CrnnConfig config, long seed, double convGain) {
        Random random = new Random(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> tensor : CrnnWeights.shapesOf(config).entrySet()) {
            int[] shape = tensor.getValue();
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            int fanIn = shape.length > 1 ? size / shape[0] : 8;
            double gain = tensor.getKey().startsWith("conv") ? convGain : 1.0;
            float[] v = new float[size];
            for (int i = 0; i < size; i++) {
                v[i] = (float) (random.nextGaussian() / Math.sqrt(fanIn) * gain);
            }
            values.put(tensor.getKey(), v);
        }
        return CrnnWeights.of(config, values);
    }

    public static CrnnWeights of(CrnnConfig config, long seed) {
        return of(config, seed, 1.0);
    }
}
