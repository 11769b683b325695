package dev.hark.trainer.eval;

import dev.hark.sim.model.FixedGrids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.InputFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class WindowScorerTest {
    private static final CrnnConfig CONFIG = CrnnConfig.builder().optConvChannels(3).optGruHidden(16)
            .optGruLayers(1).build();

    @Test
    void floatScorerIsTheKeywordProbabilityOfTheFloatNetwork() {
        FloatCrnn network = new FloatCrnn(TestModels.weights(CONFIG));
        FloatWindowScorer scorer = new FloatWindowScorer(network, FrontendConfig.FEATURE_QUANT);
        for (byte[] f : TestModels.randomFeatures(CONFIG, 3, 9)) {
            float[] logits = network.forward(InputFeatures.dequantize(f, FrontendConfig.FEATURE_QUANT));
            assertEquals(FloatCrnn.softmax(logits)[1], scorer.score(f), 0);
        }
    }

    @Test
    void int8ScorerAgreesWithTheInt8SoftmaxButDoesNotSaturate() {
        QuantizedModel model = TestModels.quantized(CONFIG);
        Int8WindowScorer scorer = new Int8WindowScorer(model);
        NetworkSimulator simulator = new NetworkSimulator(model);
        List<byte[]> clips = TestModels.randomFeatures(CONFIG, 20, 10);
        for (byte[] f : clips) {
            double int8Softmax = FixedGrids.PROBABILITY.dequantize(simulator.run(f).output()[1]);
            float score = scorer.score(f);
            assertTrue(score > 0 && score < 1);
            // The int8 softmax rounds to 1/256 steps (and its exp is approximate): agreement within a few steps.
            assertEquals(int8Softmax, score, 4 / 256.0);
        }
    }
}
