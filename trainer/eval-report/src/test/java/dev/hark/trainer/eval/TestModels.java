package dev.hark.trainer.eval;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.PostTrainingQuantization;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Untrained networks for tests: seeded random weights, quantized on random features. */
final class TestModels {
    private TestModels() {
    }

    static CrnnWeights weights(CrnnConfig config) {
        return RandomCrnnWeights.of(config, 7);
    }

    static List<byte[]> randomFeatures(CrnnConfig config, int n, long seed) {
        Random random = new Random(seed);
        List<byte[]> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] f = new byte[config.featuresPerClip()];
            random.nextBytes(f);
            clips.add(f);
        }
        return clips;
    }

    static QuantizedModel quantized(CrnnConfig config) {
        ModelInfo info = new ModelInfo("eval-test", "sheila", List.of("other", "sheila"), config.frames(),
                config.mels(), FrontendConfig.FEATURE_QUANT, FrontendConfig.ID, "test");
        return PostTrainingQuantization.quantize(weights(config), info, randomFeatures(config, 4, 5), Rounding.DOUBLE);
    }
}
