package dev.hark.trainer.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpeechTrimmerTest {
    @Test
    void cutsSilenceKeepingOneFrameOfMarginEachSide() {
        float[] audio = new float[16000];
        for (int i = 4000; i < 9000; i++) {
            audio[i] = (float) (5000 * Math.sin(i * 0.3));
        }
        audio[100] = 1; // far below -40 dB of the burst: still silence
        float[] trimmed = SpeechTrimmer.trim(audio);
        // Burst covers frames 25..56 (4000/160 .. 8999/160); margins add frames 24 and 57.
        assertEquals((58 - 24) * 160, trimmed.length);
        assertEquals(0f, trimmed[0]);
        assertEquals(audio[4000 + 160 - 1 + 1], trimmed[160 + 160 - 1 + 1 - 160 + 160 - 160 + 0 + 160 - 160]);
    }

    @Test
    void allSilenceGivesNothing() {
        assertEquals(0, SpeechTrimmer.trim(new float[3200]).length);
    }
}
