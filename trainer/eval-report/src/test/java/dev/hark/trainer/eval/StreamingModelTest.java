package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.program.KeywordScore;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
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

/** Both listening networks give the keyword score of their engine's step, on the same log-odds grid. */
@Fast
class StreamingModelTest {
    private static final int ATTENTION = 7;

    @Test
    void theInt8ScoreIsTheProgramsKeywordScoreOfEachStepsLogits() {
        QuantizedModel model = RandomModels.tiny(21);
        byte[] frames = randomFrames(model.info().melBins(), 300, 1);
        StreamingNetwork network = new StreamingNetwork(model, ATTENTION);
        KeywordScore score = network.program().streaming().keywordScore();
        List<Integer> expected = new ArrayList<>();
        for (byte[] frame : split(frames, model.info().melBins())) {
            network.pushFrame(frame).ifPresent(t -> expected.add(score.of(t.get("logits"))));
        }
        assertTrue(expected.stream().distinct().count() > 10, "the scores vary: " + expected);

        Int8StreamingModel listening = new Int8StreamingModel(model, ATTENTION);
        assertEquals(List.of(model.info().melBins(), 6, 4), List.of(listening.frameSize(), listening.windowFrames(),
                listening.hopFrames()));
        assertEquals(expected, scores(listening, frames));
        listening.reset();
        assertEquals(expected, scores(listening, frames), "a reset starts over");
    }

    @Test
    void theFloatScoreIsTheKeywordsLogitMarginOnTheSameGrid() {
        CrnnConfig config = RandomModels.tinyShape();
        CrnnWeights weights = RandomCrnnWeights.of(config, 4, 0.3);
        byte[] frames = randomFrames(config.mels(), 300, 2);
        FloatStreamingCrnn network = new FloatStreamingCrnn(weights, ATTENTION);
        List<Integer> expected = new ArrayList<>();
        for (byte[] frame : split(frames, config.mels())) {
            network.pushFrame(InputFeatures.dequantize(frame, FrontendConfig.FEATURE_QUANT)).ifPresent(logits ->
                    expected.add(KeywordScore.ofLogOdds(logits[1] - logits[0])));
        }

        FloatStreamingModel listening = new FloatStreamingModel(weights, FrontendConfig.FEATURE_QUANT, ATTENTION);
        assertEquals(expected, scores(listening, frames));
        assertThrows(IllegalArgumentException.class, () -> listening.pushFrame(new byte[3]));
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

    static List<Integer> scores(StreamingModel model, byte[] frames) {
        List<Integer> out = new ArrayList<>();
        for (byte[] frame : split(frames, model.frameSize())) {
            OptionalInt p = model.pushFrame(frame);
            p.ifPresent(out::add);
        }
        return out;
    }
}
