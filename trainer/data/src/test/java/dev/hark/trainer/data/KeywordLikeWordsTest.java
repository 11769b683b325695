package dev.hark.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class KeywordLikeWordsTest {
    @Test
    void theKeywordItsPartsAndNearSpellingsAreLikeIt() {
        for (String w : List.of("sheila", "Sheila", "she", "sheilas", "leila", "shelia", "sheela", "shell")) {
            assertTrue(KeywordLikeWords.isLike(w, "sheila"), w);
        }
        for (String w : List.of("stop", "stops", "top", "shop", "step", "stoop")) {
            assertTrue(KeywordLikeWords.isLike(w, "stop"), w);
        }
    }

    @Test
    void otherWordsAreNot() {
        for (String w : List.of("table", "he", "sheet", "heavy", "sailor")) {
            assertFalse(KeywordLikeWords.isLike(w, "sheila"), w);
        }
        for (String w : List.of("stock", "to", "post", "basket")) {
            assertFalse(KeywordLikeWords.isLike(w, "stop"), w);
        }
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, KeywordLikeWords.editDistance("stop", "stop"));
        assertEquals(1, KeywordLikeWords.editDistance("stop", "shop"));
        assertEquals(2, KeywordLikeWords.editDistance("stop", "stock"));
        assertEquals(3, KeywordLikeWords.editDistance("", "abc"));
    }
}
