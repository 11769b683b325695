package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import dev.hark.testing.TestAudio;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class StreamingFrontendTest {
    /** Clip lengths around every boundary of the framing: the first frame, a hop, the first hop after it. */
    private static final int[] LENGTHS = {1, 2, 159, 160, 161, 199, 200, 201, 359, 360, 361, 519, 520, 1000, 16000,
            16001, 16199};

    @Test
    void framesAreCompleteAfter200SamplesThenEvery160() {
        assertEquals(200, StreamingFrontend.samplesForFrame(0));
        assertEquals(360, StreamingFrontend.samplesForFrame(1));
        assertEquals(16040, StreamingFrontend.samplesForFrame(99));
        assertEquals(0, StreamingFrontend.framesReady(0));
        assertEquals(0, StreamingFrontend.framesReady(199));
        assertEquals(1, StreamingFrontend.framesReady(200));
        assertEquals(1, StreamingFrontend.framesReady(359));
        assertEquals(2, StreamingFrontend.framesReady(360));
        assertEquals(99, StreamingFrontend.framesReady(16000));
        for (long f = 0; f < 300; f++) {
            assertEquals(f, StreamingFrontend.framesReady(StreamingFrontend.samplesForFrame(f) - 1));
            assertEquals(f + 1, StreamingFrontend.framesReady(StreamingFrontend.samplesForFrame(f)));
        }
        assertThrows(IllegalArgumentException.class, () -> StreamingFrontend.samplesForFrame(-1));
        assertThrows(IllegalArgumentException.class, () -> StreamingFrontend.framesReady(-1));
    }

    @Test
    void sampleBySampleEachFrameAppearsWhenItsWindowIsCompleteAndEqualsTheClipFrame() {
        LogMelFrontend clipFrontend = new LogMelFrontend();
        for (int length : LENGTHS) {
            short[] clip = noise(length, length);
            byte[] whole = clipFrontend.compute(clip);
            StreamingFrontend stream = new StreamingFrontend();
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            for (int n = 0; n < length; n++) {
                streamed.writeBytes(stream.push(clip, n, 1));
                assertEquals(StreamingFrontend.framesReady(n + 1) * 40, streamed.size(), "after " + (n + 1)
                        + " of " + length + " samples");
            }
            byte[] pushed = streamed.toByteArray();
            assertArrayEquals(Arrays.copyOf(whole, pushed.length), pushed, "pushed frames of " + length);
            streamed.writeBytes(stream.finish());
            assertArrayEquals(whole, streamed.toByteArray(), "all frames of " + length);
        }
    }

    @Test
    void anySplitIntoPushesGivesTheClipFrames() {
        Random random = new Random(11);
        LogMelFrontend clipFrontend = new LogMelFrontend();
        StreamingFrontend stream = new StreamingFrontend();
        for (int trial = 0; trial < 40; trial++) {
            int length = 1 + random.nextInt(4000);
            short[] clip = noise(length, trial);
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            int next = 0;
            while (next < length) {
                int chunk = Math.min(length - next, random.nextInt(700));
                streamed.writeBytes(stream.push(clip, next, chunk));
                next += chunk;
            }
            streamed.writeBytes(stream.finish());
            assertArrayEquals(clipFrontend.compute(clip), streamed.toByteArray(), "trial " + trial + ", " + length
                    + " samples");
        }
    }

    @Test
    void finishStartsANewClip() {
        StreamingFrontend stream = new StreamingFrontend();
        short[] loud = LogMelFrontendTest.sine(1000, 30000, 1234);
        short[] quiet = noise(777, 3);
        stream.push(loud);
        stream.finish();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        second.writeBytes(stream.push(quiet));
        second.writeBytes(stream.finish());
        assertArrayEquals(new LogMelFrontend().compute(quiet), second.toByteArray());
    }

    @Test
    void finishWithoutSamplesGivesNoFrame() {
        StreamingFrontend stream = new StreamingFrontend();
        assertEquals(0, stream.finish().length);
        assertEquals(0, stream.push(new short[0]).length);
        assertEquals(0, stream.finish().length);
    }

    @Test
    void rejectsRangesOutsideTheArray() {
        StreamingFrontend stream = new StreamingFrontend();
        short[] samples = new short[10];
        assertThrows(IllegalArgumentException.class, () -> stream.push(samples, -1, 2));
        assertThrows(IllegalArgumentException.class, () -> stream.push(samples, 5, 6));
        assertThrows(IllegalArgumentException.class, () -> stream.push(samples, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> stream.push(samples, Integer.MAX_VALUE, 1));
    }

    private static short[] noise(int samples, long seed) {
        return TestAudio.noise(samples, 3000, seed);
    }
}
