package dev.hark.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Fast
class SentenceGeneratorTest {
    @Test
    void noSentenceHoldsAWordLikeTheKeyword() {
        for (String keyword : List.of("sheila", "stop", "marvin")) {
            SentenceGenerator g = SentenceGenerator.without(keyword, 1);
            for (int i = 0; i < 300; i++) {
                String sentence = g.sentence(i);
                assertTrue(sentence.matches("[a-z']+( [a-z']+)+"), sentence);
                for (String word : sentence.split(" ")) {
                    assertFalse(KeywordLikeWords.isLike(word.replace("'s", ""), keyword), keyword + ": " + sentence);
                }
            }
        }
        assertFalse(SentenceGenerator.without("sheila", 1).vocabulary().contains("she"));
        assertTrue(SentenceGenerator.without("stop", 1).vocabulary().contains("she"));
    }

    @Test
    void aSentenceIsFixedByTheSeedAndItsNumber() {
        SentenceGenerator a = SentenceGenerator.without("sheila", 4);
        assertEquals(a.sentence(17), SentenceGenerator.without("sheila", 4).sentence(17));
        assertNotEquals(a.sentence(17), SentenceGenerator.without("sheila", 5).sentence(17));
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            distinct.add(a.sentence(i));
        }
        assertEquals(200, distinct.size(), "200 sentences, all different");
    }
}
