package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class LongNegativeStreamTest {
    private static short[] constant(int n, int value) {
        short[] s = new short[n];
        Arrays.fill(s, (short) value);
        return s;
    }

    private static final List<short[]> CLIPS = List.of(constant(16000, 100), constant(16000, 200),
            constant(12000, 300));
    private static final List<short[]> NOISE = List.of(constant(16000 * 10, -50));

    @Test
    void reachesTheLengthAndMixesClipsWithNoise() {
        NegativeStream s = LongNegativeStream.build(CLIPS, NOISE, 120, 1);
        assertTrue(s.seconds() >= 120 && s.seconds() < 124, "seconds " + s.seconds());
        assertTrue(s.noisePieces() > 0 && s.clipPieces() >= 4 * s.noisePieces());
        // Every clip value and the noise value occur (mid-piece samples are not faded).
        for (int v : new int[] {100, 200, 300, -50}) {
            boolean found = false;
            for (short x : s.samples()) {
                if (x == v) {
                    found = true;
                    break;
                }
            }
            assertTrue(found, "value " + v);
        }
    }

    @Test
    void sameSeedSameStreamOtherSeedOtherStream() {
        short[] a = LongNegativeStream.build(CLIPS, NOISE, 60, 7).samples();
        short[] b = LongNegativeStream.build(CLIPS, NOISE, 60, 7).samples();
        short[] c = LongNegativeStream.build(CLIPS, NOISE, 60, 8).samples();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void joinsAreFaded() {
        NegativeStream s = LongNegativeStream.build(List.of(constant(16000, 1000)), List.of(), 3, 1);
        assertEquals(0, s.noisePieces());
        assertTrue(Math.abs(s.samples()[0]) < 10);
        assertTrue(Math.abs(s.samples()[15999]) < 10);
        assertEquals(1000, s.samples()[8000]);
    }

    @Test
    void rejectsNothingToBuildFrom() {
        assertThrows(IllegalArgumentException.class, () -> LongNegativeStream.build(List.of(), List.of(), 10, 1));
        assertThrows(IllegalArgumentException.class, () -> LongNegativeStream.build(CLIPS, NOISE, 0, 1));
    }
}
