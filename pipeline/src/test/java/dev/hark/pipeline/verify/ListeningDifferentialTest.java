package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The listening firmware against the Java listener: {@value #MODELS} random CRNNs of the front end's 40 mel bins
 * (random convolution, GRU and attention shapes, both roundings), each hearing {@value #SECONDS} s of hard audio
 * (noise, silence, full-scale square waves, clipped tones) pushed to {@code hark_kws_process} in chunks from 1 sample
 * to 10 s, on the host and on QEMU mps2-an386. Every feature frame, every network step's traced tensors and every
 * detection must be identical.
 */
@Qemu
class ListeningDifferentialTest {
    static final int MODELS = 6;
    static final int SECONDS = 8;
    private static final long FIRST_SEED = 7_000;
    private static final int[][] CHUNKINGS = {{1}, {160}, {7, 333, 1, 4000, 160}, {160_000}};

    record Case(long seed, CrnnConfig shape, QuantizedModel model, int window, DetectionSettings settings,
                        short[] samples, int[] chunks) implements BothTargets.Case {
        @Override
        public String describe() {
            return "seed " + seed + ", " + model.rounding() + " rounding, attention window " + window + ", "
                    + settings + ", chunks " + Arrays.toString(chunks) + ", " + shape;
        }
    }

    @Test
    void theListeningFirmwareHearsWhatTheSimulatorHears() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            cases.add(randomCase(FIRST_SEED + i, CHUNKINGS[i % CHUNKINGS.length]));
        }
        List<BothTargets.Outcome> outcomes = BothTargets.run(
                Path.of("target", "listening-differential").toAbsolutePath(),
                "listening differential test: " + MODELS + " models x " + SECONDS + " s", cases,
                (c, check) -> BothTargets.Compared.of(check.checkListening(c.model(), c.window(), c.settings(),
                        c.samples(), c.chunks()).comparison()));
        assertTrue(outcomes.get(0).count() > 0, "the streams make detections, so they are compared too");
    }

    static Case randomCase(long seed, int[] chunks) {
        Random random = new Random(seed);
        int kernelTime = 1 + random.nextInt(20);
        CrnnConfig shape = CrnnConfig.builder()
                .optFrames(kernelTime + random.nextInt(60))
                .optMels(40)
                .optConvChannels(1 + random.nextInt(4))
                .optKernelTime(kernelTime)
                .optKernelMel(1 + random.nextInt(5))
                .optStrideTime(1 + random.nextInt(8))
                .optStrideMel(1 + random.nextInt(3))
                .optGruHidden(2 + random.nextInt(16))
                .optGruLayers(1 + random.nextInt(2))
                .optAttention(random.nextBoolean())
                .build();
        Rounding rounding = random.nextBoolean() ? Rounding.SINGLE : Rounding.DOUBLE;
        QuantizedModel model = RandomModels.create(shape, seed, rounding);
        int window = 1 + random.nextInt(16);
        short[] samples = audio(random);
        int smoothing = 1 + random.nextInt(8);
        DetectionSettings settings = new DetectionSettings(smoothing, medianScore(model, window, samples),
                random.nextInt(20));
        return new Case(seed, shape, model, window, settings, samples, chunks);
    }

    /** A threshold the stream crosses now and then: the median of its scores (at least 1). */
    private static int medianScore(QuantizedModel model, int window, short[] samples) {
        List<Integer> scores = new ArrayList<>();
        new KeywordListener(Lowering.lowerStreaming(model, window), new DetectionSettings(1, 255, 0))
                .push(samples, 0, samples.length, new KeywordListener.Observer() {
                    @Override
                    public void score(long step, long sample, int score, int smoothedScore) {
                        scores.add(score);
                    }
                });
        scores.sort(null);
        return scores.isEmpty() ? 1 : Math.max(1, scores.get(scores.size() / 2));
    }

    /** One-second stretches of noise, silence, a full-scale square wave and a tone clipped at full scale. */
    private static short[] audio(Random random) {
        short[] samples = new short[SECONDS * 16_000];
        for (int second = 0; second < SECONDS; second++) {
            int kind = random.nextInt(4);
            int period = 6 + random.nextInt(200);
            double amplitude = 1000 + random.nextInt(4000);
            for (int i = second * 16_000; i < (second + 1) * 16_000; i++) {
                samples[i] = switch (kind) {
                    case 0 -> (short) (random.nextGaussian() * amplitude);
                    case 1 -> 0;
                    case 2 -> (i / period) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
                    default -> (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE,
                            4 * 32767 * Math.sin(2 * Math.PI * i / period)));
                };
            }
        }
        return samples;
    }
}
