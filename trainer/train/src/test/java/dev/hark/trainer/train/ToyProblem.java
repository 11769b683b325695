package dev.hark.trainer.train;

import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A learnable stand-in for keyword clips: noise everywhere, and in keyword clips (label 1) a bright band four
 * mel bins tall and 40 frames long at a random place in the feature image.
 */
public final class ToyProblem {
    public static final TensorQuant QUANT = new TensorQuant(0.125f, -128);

    private ToyProblem() {
    }

    public static List<Example> clips(CrnnConfig c, int count, double keywordFraction, long seed) {
        Random random = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] codes = new byte[c.featuresPerClip()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (byte) (-128 + random.nextInt(80));
            }
            int label = random.nextDouble() < keywordFraction ? 1 : 0;
            if (label == 1) {
                int mel = random.nextInt(c.mels() - 4);
                int frame = random.nextInt(c.frames() - 40);
                for (int t = frame; t < frame + 40; t++) {
                    for (int m = mel; m < mel + 4; m++) {
                        codes[t * c.mels() + m] = (byte) (codes[t * c.mels() + m] + 100);
                    }
                }
            }
            out.add(new Example(codes, label));
        }
        return out;
    }
}
