package dev.hark.firmware.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.LogMelFrontend;
import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.testing.Fast;
import dev.hark.testing.TestAudio;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@Fast
class FrontendComparisonTest {
    /** 1000 samples: frames 0..5 come out of push (after 200, 360, ..., 1000 samples), frame 6 of finish. */
    private static final PcmClip CLIP = new PcmClip("noise", noise(1000), new int[] {7});

    @Test
    void theJavaFramesAtTheStreamingPointsAreIdentical() {
        FrontendComparison.Result result = FrontendComparison.compare(List.of(CLIP, CLIP), List.of(java(CLIP),
                java(CLIP)));
        assertTrue(result.identical(), result::summary);
        assertEquals(new FrontendComparison.Result(2, 14, 2 * 7 * 40, 0, Optional.empty()), result);
    }

    @Test
    void aDifferingByteIsReportedAsFrameAndMelBin() {
        StreamedClip good = java(CLIP);
        byte[] features = good.features();
        features[3 * 40 + 17]++;
        features[5 * 40 + 2]++;
        FrontendComparison.Result result = FrontendComparison.compare(List.of(CLIP),
                List.of(new StreamedClip(good.emittedAfter(), features)));
        assertFalse(result.identical());
        assertEquals(2, result.bytesDiffering());
        byte java = good.features()[3 * 40 + 17];
        assertEquals(Optional.of("clip 0 (noise, chunks [7]): frame 3, mel bin 17: Java " + java + ", C "
                + (byte) (java + 1)), result.firstDifference());
    }

    @Test
    void aFrameAtTheWrongPointIsADifference() {
        StreamedClip good = java(CLIP);
        long[] late = good.emittedAfter();
        late[4] = StreamedClip.FROM_FINISH;
        FrontendComparison.Result result = FrontendComparison.compare(List.of(CLIP),
                List.of(new StreamedClip(late, good.features())));
        assertEquals(0, result.bytesDiffering());
        assertEquals(Optional.of("clip 0 (noise, chunks [7]): frame 4 came out from finish, expected after 840"
                + " samples"), result.firstDifference());
    }

    @Test
    void aMissingFrameIsADifference() {
        StreamedClip good = java(CLIP);
        StreamedClip shorter = new StreamedClip(Arrays.copyOf(good.emittedAfter(), 6),
                Arrays.copyOf(good.features(), 6 * 40));
        FrontendComparison.Result result = FrontendComparison.compare(List.of(CLIP), List.of(shorter));
        assertEquals(40, result.bytesDiffering());
        assertEquals(Optional.of("clip 0 (noise, chunks [7]): 6 frames from C, 7 from Java"),
                result.firstDifference());
    }

    @Test
    void theClipCountsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> FrontendComparison.compare(List.of(CLIP), List.of()));
    }

    @Test
    void clipsOutsideTheRunnersLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PcmClip("empty", new short[0], new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new PcmClip("long", new short[PcmClip.MAX_SAMPLES + 1], new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new PcmClip("no chunks", new short[5], new int[0]));
        assertThrows(IllegalArgumentException.class, () -> new PcmClip("zero chunk", new short[5], new int[] {3, 0}));
        assertThrows(IllegalArgumentException.class,
                () -> new PcmClip("many chunks", new short[5], new int[PcmClip.MAX_CHUNK_SIZES + 1]));
    }

    /** What a correct C front end streams: the clip's frames, each where StreamingFrontend puts it. */
    private static StreamedClip java(PcmClip clip) {
        byte[] features = new LogMelFrontend().compute(clip.samples());
        long[] after = new long[features.length / 40];
        for (int f = 0; f < after.length; f++) {
            after[f] = f < StreamingFrontend.framesReady(clip.samples().length) ? StreamingFrontend.samplesForFrame(f)
                    : StreamedClip.FROM_FINISH;
        }
        return new StreamedClip(after, features);
    }

    private static short[] noise(int length) {
        return TestAudio.noise(length, 2000, 4);
    }
}
