package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Fast
class ClipTest {
    @Test
    void shortAudioIsPaddedEquallyOnBothSides() {
        short[] out = Clip.fitCentered(new short[] {1, 2, 3, 4}, 8);
        assertArrayEquals(new short[] {0, 0, 1, 2, 3, 4, 0, 0}, out);
    }

    @Test
    void longAudioIsCroppedAroundItsCentre() {
        short[] out = Clip.fitCentered(new short[] {1, 2, 3, 4, 5, 6}, 2);
        assertArrayEquals(new short[] {3, 4}, out);
    }

    @Test
    void fittedClipsAreOneSecond() {
        Clip c = Clip.fitted(Path.of("x.wav"), "yes", "s1", new short[12345]);
        assertEquals(16000, c.samples().length);
        assertEquals(16000, Clip.fitted(Path.of("x.wav"), "yes", "s1", new short[20000]).samples().length);
    }

    @Test
    void constructorRejectsOtherLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Clip(Path.of("a/b.wav"), "yes", "s1", new short[100]));
        assertEquals("a/b.wav: clip must hold 16000 samples, got 100 (use Clip.fitted)", e.getMessage());
    }
}
