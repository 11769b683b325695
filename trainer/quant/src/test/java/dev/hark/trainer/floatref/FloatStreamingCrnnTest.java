package dev.hark.trainer.floatref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The float streaming CRNN against the float clip CRNN: a stream that starts with a clip, with an attention window
 * of the clip's steps, gives at its last step exactly the clip's logits (the same operations in the same order).
 */
@Fast
class FloatStreamingCrnnTest {
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theLastStepOfAStreamStartingWithAClipGivesTheClipsLogits(boolean attention) {
        CrnnConfig config = CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(2).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(2)
                .optAttention(attention).build();
        for (long seed = 0; seed < 5; seed++) {
            CrnnWeights weights = RandomCrnnWeights.of(config, seed);
            float[] clip = randomFeatures(config, seed);
            float[] clipLogits = new FloatCrnn(weights).forward(clip);

            List<float[]> steps = stream(new FloatStreamingCrnn(weights, config.convSteps()), config, clip);

            assertEquals(config.convSteps(), steps.size());
            assertArrayEquals(clipLogits, steps.get(steps.size() - 1), "seed " + seed);
        }
    }

    @Test
    void aResetStartsOverAndTheStateCarriesOtherwise() {
        CrnnConfig config = CrnnConfig.builder().optFrames(30).optMels(12).optKernelTime(6).optStrideTime(4)
                .optGruHidden(8).build();
        CrnnWeights weights = RandomCrnnWeights.of(config, 9);
        FloatStreamingCrnn network = new FloatStreamingCrnn(weights, 4);
        float[] first = randomFeatures(config, 1);
        float[] second = randomFeatures(config, 2);
        List<float[]> alone = stream(network, config, second);
        network.reset();
        stream(network, config, first);
        List<float[]> carried = stream(network, config, second);
        network.reset();
        List<float[]> again = stream(network, config, second);

        assertFalse(Arrays.equals(alone.get(0), carried.get(0)), "the first clip's state reaches the second");
        for (int s = 0; s < alone.size(); s++) {
            assertArrayEquals(alone.get(s), again.get(s));
        }
        assertThrows(IllegalArgumentException.class, () -> network.pushFrame(new float[3]));
        assertThrows(IllegalArgumentException.class, () -> new FloatStreamingCrnn(weights, 0));
    }

    private static List<float[]> stream(FloatStreamingCrnn network, CrnnConfig config, float[] features) {
        List<float[]> steps = new ArrayList<>();
        for (int f = 0; f < config.frames(); f++) {
            network.pushFrame(Arrays.copyOfRange(features, f * config.mels(), (f + 1) * config.mels()))
                    .ifPresent(steps::add);
        }
        return steps;
    }

    private static float[] randomFeatures(CrnnConfig config, long seed) {
        Random random = new Random(seed);
        float[] features = new float[config.featuresPerClip()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) random.nextGaussian() * 3f;
        }
        return features;
    }
}
