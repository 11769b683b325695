package dev.hark.sim.frontend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.SharedFolder;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How closely the integer pipeline tracks {@link DoubleLogMel} on real recordings (docs/frontend.md,
 * "Accuracy"). Uses the first clips of every word plus the noise and silence recordings in
 * {@code ../shared/data/speech-commands}; skipped when that folder is absent ({@link SharedFolder}).
 */
@Slow
class RealSpeechToleranceTest {
    private static final int CLIPS_PER_WORD = 6;
    private static final int NOISE_SECONDS = 3;

    private static Path dataDir() {
        return SharedFolder.require("data/speech-commands");
    }

    private static List<Path> clips(Path root) throws IOException {
        List<Path> chosen = new ArrayList<>();
        try (Stream<Path> words = Files.list(root)) {
            for (Path word : words.filter(Files::isDirectory).sorted().collect(Collectors.toList())) {
                try (Stream<Path> wavs = Files.list(word)) {
                    wavs.filter(p -> p.toString().endsWith(".wav")).sorted().limit(CLIPS_PER_WORD)
                            .forEach(chosen::add);
                }
            }
        }
        return chosen;
    }

    @Test
    void integerFeaturesTrackTheDoublePrecisionReference() throws IOException {
        List<Path> files = clips(dataDir());
        assertTrue(files.size() > 100, "expected the speech-commands subset, found " + files.size() + " clips");
        LogMelFrontend fe = new LogMelFrontend();
        long values = 0;
        long exact = 0;
        long withinOne = 0;
        int maxCodeError = 0;
        double maxLogError = 0;
        for (Path file : files) {
            short[] x = TestWav.read(file);
            if (x.length > NOISE_SECONDS * 16000) {
                x = Arrays.copyOf(x, NOISE_SECONDS * 16000);
            }
            short[] padded = new short[x.length + 400];
            System.arraycopy(x, 0, padded, 200, x.length);
            for (int f = 0; f < LogMelFrontend.frameCount(x.length); f++) {
                double[] ref = DoubleLogMel.log2Energy(padded, f * 160);
                FrameTrace trace = fe.traceFrame(padded, f * 160);
                int[] log = trace.logQ16();
                for (int m = 0; m < 40; m++) {
                    int error = Math.abs(trace.features()[m] - DoubleLogMel.quantize(ref[m]));
                    values++;
                    exact += error == 0 ? 1 : 0;
                    withinOne += error <= 1 ? 1 : 0;
                    maxCodeError = Math.max(maxCodeError, error);
                    if (ref[m] >= FrontendConfig.LOG_MIN_Q16 / 65536.0) {
                        maxLogError = Math.max(maxLogError, Math.abs(log[m] / 65536.0 - ref[m]));
                    }
                }
            }
        }
        String summary = String.format("%d clips, %d values: %.4f%% exact, %.5f%% within 1 step, max %d steps, "
                        + "max |log2 error| %.3f above LOG_MIN", files.size(), values, 100.0 * exact / values,
                100.0 * withinOne / values, maxCodeError, maxLogError);
        System.out.println("front end vs double reference: " + summary);
        // The documented tolerance (measured over the whole corpus: 99.72% exact, 99.9997% within 1, max 5).
        assertTrue(exact >= 0.99 * values, summary);
        assertTrue(withinOne >= 0.9999 * values, summary);
        assertTrue(maxCodeError <= 5, summary);
        assertTrue(maxLogError < 0.8, summary);
    }
}
