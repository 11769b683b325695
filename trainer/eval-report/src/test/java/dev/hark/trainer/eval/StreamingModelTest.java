package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.floatref.FloatStreamingCrnn;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.quant.RandomModels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Both listening networks give the keyword's posterior of their engine's step, on the int8 softmax's grid. */
@Fast
class StreamingModelTest {
    private static final int ATTENTION = 7;

    @Test
    void theInt8PosteriorIsTheKeywordsSoftmaxCodePlus128() {
        QuantizedModel model = RandomModels.tiny(21);
        byte[] frames = randomFrames(model.info().melBins(), 300, 1);
        StreamingNetwork network = new StreamingNetwork(model, ATTENTION);
        List<Integer> expected = new ArrayList<>();
        for (byte[] frame : split(frames, model.info().melBins())) {
            network.pushFrame(frame).ifPresent(t -> expected.add(t.output()[1] + 128));
        }

        Int8StreamingModel listening = new Int8StreamingModel(model, ATTENTION);
        assertEquals(List.of(model.info().melBins(), 6, 4), List.of(listening.frameSize(), listening.windowFrames(),
                listening.hopFrames()));
        assertEquals(expected, posteriors(listening, frames));
        listening.reset();
        assertEquals(expected, posteriors(listening, frames), "a reset starts over");
    }

    @Test
    void theFloatPosteriorIsTheKeywordsProbabilityOnTheSameGrid() {
        CrnnConfig config = RandomModels.tinyShape();
        CrnnWeights weights = RandomCrnnWeights.of(config, 4, 0.3);
        byte[] frames = randomFrames(config.mels(), 300, 2);
        FloatStreamingCrnn network = new FloatStreamingCrnn(weights, ATTENTION);
        List<Integer> expected = new ArrayList<>();
        for (byte[] frame : split(frames, config.mels())) {
            network.pushFrame(InputFeatures.dequantize(frame, FrontendConfig.FEATURE_QUANT)).ifPresent(logits ->
                    expected.add(KeywordPosterior.ofProbability(FloatCrnn.softmax(logits)[1])));
        }

        FloatStreamingModel listening = new FloatStreamingModel(weights, FrontendConfig.FEATURE_QUANT, ATTENTION);
        assertEquals(expected, posteriors(listening, frames));
        assertThrows(IllegalArgumentException.class, () -> listening.pushFrame(new byte[3]));
    }

    @Test
    void posteriorsLieOnTheInt8SoftmaxGrid() {
        assertEquals(0, KeywordPosterior.ofProbability(0));
        assertEquals(128, KeywordPosterior.ofProbability(0.5));
        assertEquals(255, KeywordPosterior.ofProbability(255.4 / 256));
        assertEquals(255, KeywordPosterior.ofProbability(1));
        assertEquals(0, KeywordPosterior.ofInt8Probability((byte) -128));
        assertEquals(255, KeywordPosterior.ofInt8Probability((byte) 127));
        assertEquals(0.5, KeywordPosterior.probability(128));
        assertThrows(IllegalArgumentException.class, () -> KeywordPosterior.ofProbability(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> KeywordPosterior.ofProbability(1.01));
    }

    static byte[] randomFrames(int mels, int frames, long seed) {
        byte[] f = new byte[mels * frames];
        new Random(seed).nextBytes(f);
        return f;
    }

    static List<byte[]> split(byte[] frames, int mels) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < frames.length; i += mels) {
            out.add(Arrays.copyOfRange(frames, i, i + mels));
        }
        return out;
    }

    static List<Integer> posteriors(StreamingModel model, byte[] frames) {
        List<Integer> out = new ArrayList<>();
        for (byte[] frame : split(frames, model.frameSize())) {
            OptionalInt p = model.pushFrame(frame);
            p.ifPresent(out::add);
        }
        return out;
    }
}
