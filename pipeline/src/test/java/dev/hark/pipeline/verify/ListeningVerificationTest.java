package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class ListeningVerificationTest {
    private static final List<short[]> CLIPS = List.of(filled(16_000, 1), filled(8_000, 2), filled(24_000, 3));

    @Test
    void gluesWholeClipsUntilTheLengthIsReached() {
        short[] audio = ListeningVerification.glue(CLIPS, 0.5, 7);
        assertTrue(audio.length >= 30 * 16_000, "at least half a minute");
        assertTrue(audio.length < 30 * 16_000 + 24_000, "no more than one clip beyond it");
        int at = 0;
        while (at < audio.length) {
            short value = audio[at];
            int length = CLIPS.get(value - 1).length;
            for (int i = at; i < at + length; i++) {
                assertEquals(value, audio[i], "clip " + value + " whole at " + at);
            }
            at += length;
        }
    }

    @Test
    void theSeedFixesTheOrder() {
        assertArrayEquals(ListeningVerification.glue(CLIPS, 1, 3), ListeningVerification.glue(CLIPS, 1, 3));
        assertNotEquals(Arrays.hashCode(ListeningVerification.glue(CLIPS, 1, 3)),
                Arrays.hashCode(ListeningVerification.glue(CLIPS, 1, 4)));
    }

    @Test
    void needsClipsAndALength() {
        assertThrows(IllegalArgumentException.class, () -> ListeningVerification.glue(List.of(), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ListeningVerification.glue(CLIPS, 0, 1));
    }

    private static short[] filled(int length, int value) {
        short[] clip = new short[length];
        Arrays.fill(clip, (short) value);
        return clip;
    }
}
