package dev.hark.pipeline.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.quantize.CalibrationPolicy;
import dev.hark.pipeline.quantize.ModelDescription;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.eval.StreamingModel;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class ModelListenersTest {
    @Test
    void bothNetworksListenAlikeAndEachCallGivesAFreshOne() {
        CrnnConfig config = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1).build();
        CrnnWeights weights = RandomCrnnWeights.of(config, 3, 0.1);
        Random random = new Random(3);
        List<LabelledFeatures> clips = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            byte[] features = new byte[config.featuresPerClip()];
            random.nextBytes(features);
            clips.add(new LabelledFeatures("clip" + i, "other", "s" + i, 0, features));
        }
        QuantizedModel model = CalibrationPolicy.quantize(weights, ModelDescription.of(config, "sheila", "test"),
                new FeatureSet(clips), CalibrationPolicy.DEFAULT_PLAN, Rounding.DOUBLE);
        ModelListeners listeners = ModelListeners.of(weights, model);

        assertEquals(List.of("float", "int8"), List.copyOf(listeners.named().keySet()));
        StreamingModel f = listeners.floatModel().get();
        StreamingModel q = listeners.int8Model().get();
        assertEquals(List.of(f.frameSize(), f.windowFrames(), f.hopFrames()),
                List.of(q.frameSize(), q.windowFrames(), q.hopFrames()));
        assertEquals(List.of(40, 20, 8), List.of(q.frameSize(), q.windowFrames(), q.hopFrames()));
        assertNotSame(q, listeners.int8Model().get());
        // Both give a score once the first window is full, and not before.
        byte[] frame = new byte[40];
        for (int i = 0; i < 19; i++) {
            assertTrue(f.pushFrame(frame).isEmpty() && q.pushFrame(frame).isEmpty());
        }
        assertTrue(f.pushFrame(frame).isPresent() && q.pushFrame(frame).isPresent());
    }
}
