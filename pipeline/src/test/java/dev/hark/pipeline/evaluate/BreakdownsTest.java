package dev.hark.pipeline.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import dev.hark.trainer.eval.Scores;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class BreakdownsTest {
    private static LabelledFeatures clip(String id, String word, String speaker) {
        return new LabelledFeatures(id, word, speaker, word.equals("kw") ? 1 : 0, new byte[0]);
    }

    @Test
    void countsFalseAcceptsByWordMissesBySpeakerAndListsTheWorstClips() {
        List<LabelledFeatures> clips = List.of(clip("a", "kw", "s1"), clip("b", "kw", "s1"), clip("c", "kw", "s2"),
                clip("d", "go", "s1"), clip("e", "go", "s2"), clip("f", "no", "s3"), clip("g", "up", "s3"));
        Scores scores = new Scores(new float[] {0.2f, 0.9f, 0.1f, 0.7f, 0.5f, 0.6f, 0.0f},
                new boolean[] {true, true, true, false, false, false, false});
        Breakdowns b = Breakdowns.of(clips, List.of("pa", "pb", "pc", "pd", "pe", "pf", "pg"), scores, 2);

        assertEquals(List.of(new Breakdowns.Count("go", 2, 2), new Breakdowns.Count("no", 1, 1),
                new Breakdowns.Count("up", 0, 1)), b.falseAcceptsByWord());
        assertEquals(List.of(new Breakdowns.Count("s2", 1, 1), new Breakdowns.Count("s1", 1, 2)),
                b.missesBySpeaker());
        assertEquals(List.of("pc", "pa"), b.worstKeywordClips().stream().map(Breakdowns.ClipScore::path).toList());
        assertEquals(List.of("pd", "pf"), b.worstOtherClips().stream().map(Breakdowns.ClipScore::path).toList());
    }
}
