package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Fast
class CorpusPlanTest {
    @Test
    void defaultCorpusHasAboutAQuarterKeywordsAmongManySpeakers() {
        SyntheticCorpus c = SyntheticCorpus.builder().build();
        List<ClipSpec> plan = CorpusPlan.build(c);
        assertEquals(c.totalClips(), plan.size());
        assertTrue(plan.size() >= 3000 && plan.size() <= 4000, "size " + plan.size());
        long keyword = plan.stream().filter(s -> s.word().equals("sheila")).count();
        double share = keyword / (double) plan.size();
        assertTrue(share >= 0.20 && share <= 0.25, "keyword share " + share);
        assertTrue(c.negativeWords().size() >= 15);
        Set<String> paths = new HashSet<>();
        plan.forEach(s -> assertTrue(paths.add(s.relativePath()), "duplicate " + s.relativePath()));
        Set<String> speakers = new HashSet<>();
        c.voices().forEach(v -> speakers.add(v.speakerId()));
        assertEquals(c.voices().size(), speakers.size(), "speaker ids must not collide");
    }

    @Test
    void sameSeedSamePlanOtherSeedOtherPlan() {
        List<ClipSpec> a = CorpusPlan.build(SyntheticCorpus.builder().seed(5).build());
        assertEquals(a, CorpusPlan.build(SyntheticCorpus.builder().seed(5).jobs(1).build()));
        assertNotEquals(a, CorpusPlan.build(SyntheticCorpus.builder().seed(6).build()));
    }

    @Test
    void everySpeakerIdIsItsVoiceAndNoiseClipsHaveNoSpeech() {
        for (ClipSpec s : CorpusPlan.build(SyntheticCorpus.builder().build())) {
            if (s.word().equals(CorpusPlan.NOISE_WORD)) {
                assertNull(s.request());
            } else {
                assertEquals(s.request().voice().speakerId(), s.speaker());
                assertEquals(s.word(), s.request().text());
            }
        }
    }

    @Test
    void anotherKeywordLeavesTheDefaultNegatives() {
        SyntheticCorpus c = SyntheticCorpus.builder().keyword("yes").build();
        assertTrue(!c.negativeWords().contains("yes"));
        assertEquals(SyntheticCorpus.DEFAULT_NEGATIVE_WORDS.size() - 1, c.negativeWords().size());
    }

    @Test
    void builderRejectsBadWords() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().keyword("Sheila").build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().negativeWords(List.of("yes", "sheila")).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().negativeWords(List.of("noise")).build());
        assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.builder().voices(List.of()).build());
    }
}
