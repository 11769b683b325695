package dev.hark.trainer.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.testing.TestAudio;
import dev.hark.trainer.eval.KeywordStream;
import dev.hark.trainer.eval.KeywordStreamBuilder;
import dev.hark.trainer.eval.MatchingRule;
import dev.hark.trainer.eval.StreamFeatures;
import dev.hark.trainer.model.CrnnConfig;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class StreamSequencesTest {
    private static final CrnnConfig CONFIG = CrnnConfig.defaults();

    @Test
    void aSequenceHoldsTheFramesItsStepsReadAndTheirLabels() {
        KeywordStream stream = source().stream(9, 4);
        int steps = StreamSequences.stepsIn(8, CONFIG);
        StreamSequence s = StreamSequences.of(stream, steps, CONFIG, MatchingRule.MLPERF_TINY);

        int frames = (steps - 1) * CONFIG.strideTime() + CONFIG.kernelTime();
        byte[] all = StreamFeatures.of(stream.samples());
        assertArrayEquals(Arrays.copyOf(all, frames * CONFIG.mels()), s.features());
        assertArrayEquals(StepTargets.of(stream.keywords(), steps, CONFIG.kernelTime(), CONFIG.strideTime(),
                MatchingRule.MLPERF_TINY), s.labels());
        assertEquals(steps, s.steps());
    }

    @Test
    void stepsInCountsTheStepsOfThatMuchAudio() {
        // Frame f is complete at sample 160 f + 200: a second completes frames 0..98, and the steps reading
        // frames [8 k, 8 k + 20) for k = 0..9 (a clip's 101 frames give 11 steps; its front end pads the end).
        assertEquals(10, StreamSequences.stepsIn(1.0, CONFIG));
        assertEquals(11, StreamSequences.stepsIn(1.0 + 8 * 160 / 16000.0, CONFIG));
        assertThrows(IllegalArgumentException.class, () -> StreamSequences.stepsIn(0.1, CONFIG));
    }

    @Test
    void drawsTheSameSequencesForTheSameSeedAndOthersForAnother() {
        List<StreamSequence> a = StreamSequences.draw(source(), 3, 4, CONFIG, MatchingRule.MLPERF_TINY, 7);
        List<StreamSequence> b = StreamSequences.draw(source(), 3, 4, CONFIG, MatchingRule.MLPERF_TINY, 7);
        List<StreamSequence> c = StreamSequences.draw(source(), 3, 4, CONFIG, MatchingRule.MLPERF_TINY, 8);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.get(i).features(), b.get(i).features());
            assertArrayEquals(a.get(i).labels(), b.get(i).labels());
            assertEquals(StreamSequences.stepsIn(4, CONFIG), a.get(i).steps());
        }
        assertNotEquals(Arrays.hashCode(a.get(0).features()), Arrays.hashCode(c.get(0).features()));
        long[] counts = StreamSequences.labelCounts(a);
        assertEquals(3L * a.get(0).steps(), counts[0] + counts[1] + counts[2]);
    }

    /** Tones as "keywords", noise as the rest; keywords 1 to 2 s apart. */
    private static StreamSequences.StreamSource source() {
        List<short[]> keywords = List.of(TestAudio.tone(16000, 440, 8000), TestAudio.tone(16000, 660, 8000));
        List<short[]> negatives = List.of(TestAudio.noise(16000, 2000, 1), TestAudio.noise(12000, 2000, 2),
                TestAudio.noise(16000, 2000, 3));
        return (seconds, seed) -> KeywordStreamBuilder.build(keywords, negatives, List.of(), seconds, 1, 2, seed);
    }
}
