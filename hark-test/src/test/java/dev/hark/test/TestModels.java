package dev.hark.test;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The models, audio and detector settings this module's tests listen with. */
final class TestModels {
    /** Where the tests' model files go, relative to the module; the annotations name files in it. */
    static final Path FOLDER = Path.of("target", "hark-test-models");
    /** A model of the front end's shape (101 x 40, one GRU layer of 16, no attention) with random weights. */
    static final Path STUDENT = FOLDER.resolve("student.hark");

    private TestModels() {
    }

    static QuantizedModel student() {
        return RandomModels.create(RandomModels.smallStudentShape(), 71, Rounding.SINGLE);
    }

    /** Writes {@link #STUDENT} (atomically, so a test class reading it never sees half a file). */
    static void writeStudent() throws IOException {
        ModelFile.write(student(), STUDENT);
    }

    /** Seconds of noise, silence and tones, a fixed function of the seed. */
    static short[] audio(int seconds, long seed) {
        Random random = new Random(seed);
        short[] samples = new short[seconds * 16_000];
        for (int second = 0; second < seconds; second++) {
            int kind = second % 3;
            int period = 6 + random.nextInt(200);
            double amplitude = 1000 + random.nextInt(4000);
            for (int i = second * 16_000; i < (second + 1) * 16_000; i++) {
                samples[i] = switch (kind) {
                    case 0 -> (short) (random.nextGaussian() * amplitude);
                    case 1 -> 0;
                    default -> (short) (amplitude * Math.sin(2 * Math.PI * i / period));
                };
            }
        }
        return samples;
    }

    /**
     * Detector settings under which {@code pcm} makes detections now and then, so that comparing them means
     * something with random weights: no smoothing, no refractory period, the median of the keyword scores as the
     * threshold (at least 1).
     */
    static DetectionSettings firingNowAndThen(HarkModel model, short[] pcm) {
        List<Integer> scores = new ArrayList<>(model.listen(pcm, new DetectionSettings(1, 255, 0)).scores());
        scores.sort(null);
        return new DetectionSettings(1, scores.isEmpty() ? 1 : Math.max(1, scores.get(scores.size() / 2)),
                0);
    }
}
