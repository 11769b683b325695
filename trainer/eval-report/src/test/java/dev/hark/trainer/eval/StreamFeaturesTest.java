package dev.hark.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.frontend.StreamingFrontend;
import dev.hark.testing.Fast;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class StreamFeaturesTest {
    @Test
    void equalTheStreamingFrontEndFedTheWholeStream() {
        Random random = new Random(3);
        // Lengths around the first frames' edges and across several parallel blocks of frames.
        for (int n : new int[] {199, 200, 359, 360, 520, 16000, 160 * 2500 + 77}) {
            short[] samples = new short[n];
            for (int i = 0; i < n; i++) {
                samples[i] = (short) (random.nextGaussian() * (i % 3000 < 1500 ? 300 : 6000));
            }
            assertArrayEquals(new StreamingFrontend().push(samples), StreamFeatures.of(samples), n + " samples");
        }
    }
}
