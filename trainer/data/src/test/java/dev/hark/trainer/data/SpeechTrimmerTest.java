package dev.hark.trainer.data;

import dev.hark.testing.Fast;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Fast
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
        // It starts at frame 24 = sample 3840, so the burst's first sample is at index 160.
        assertEquals(0f, trimmed[159]);
        assertEquals(audio[4000], trimmed[160]);
        assertEquals(audio[8999], trimmed[8999 - 3840]);
    }

    @Test
    void allSilenceGivesNothing() {
        assertEquals(0, SpeechTrimmer.trim(new float[3200]).length);
    }
}
