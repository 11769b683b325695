package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the streaming network: {@value #MODELS} random CRNNs (shapes as in
 * {@link RandomModelDifferentialTest}, attention windows of 1 to 16 steps), quantized by the real quantizer, each
 * fed a stream of random and extreme feature frames, frame by frame, in the {@code StreamingNetwork} and as
 * generated streaming C on the host and on QEMU mps2-an386. Every traced byte of every step must agree, so the
 * state carried between steps (hidden states, attention windows, the frame window) is the same on both sides.
 */
@Qemu
class StreamingDifferentialTest {
    static final int MODELS = 24;
    private static final long FIRST_SEED = 5_000;

    private record Case(long seed, CrnnConfig shape, int attentionWindow, QuantizedModel model, List<byte[]> frames) {
        String describe() {
            return "seed " + seed + ", " + model.rounding() + " rounding, attention window " + attentionWindow + ", "
                    + shape;
        }
    }

    @Test
    void streamingModelsAreBitExactOnTheHostAndOnACortexM4() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < MODELS; i++) {
            long seed = FIRST_SEED + i;
            Random random = new Random(seed);
            CrnnConfig shape = RandomModelDifferentialTest.randomShape(random);
            Rounding rounding = random.nextBoolean() ? Rounding.SINGLE : Rounding.DOUBLE;
            int window = 1 + random.nextInt(16);
            QuantizedModel model = RandomModels.create(shape, seed, rounding);
            cases.add(new Case(seed, shape, window, model, frames(shape, random)));
        }
        List<BothTargets.Outcome> outcomes = BothTargets.run(
                Path.of("target", "streaming-differential").toAbsolutePath(),
                "streaming differential test: " + MODELS + " models", MODELS,
                (target, checks) -> runAll(cases, target, checks));
        assertTrue(outcomes.stream().allMatch(o -> o.count() > 0), "the streams complete steps");
    }

    /** Every case on one target; the count is the steps compared. */
    private static BothTargets.Outcome runAll(List<Case> cases, Target target, Map<Rounding, FirmwareCheck> checks)
            throws IOException {
        List<String> failures = new ArrayList<>();
        long bytes = 0;
        long steps = 0;
        for (Case c : cases) {
            TraceComparison.Result result = checks.get(c.model().rounding())
                    .checkStream(c.model(), c.attentionWindow(), c.frames()).comparison();
            bytes += result.bytesCompared();
            steps += result.clips();
            if (!result.identical()) {
                failures.add(target.makeName() + ", " + c.describe() + ": " + result.summary());
            }
        }
        return new BothTargets.Outcome(bytes, steps, failures);
    }

    /**
     * Three clips' worth of frames and more: random frames, then a stretch at the minimum and one at the maximum
     * (saturating every layer, and testing that the state recovers), then random frames again.
     */
    private static List<byte[]> frames(CrnnConfig shape, Random random) {
        int count = 3 * shape.frames() + random.nextInt(shape.frames());
        List<byte[]> frames = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            byte[] frame = new byte[shape.mels()];
            int phase = 4 * f / count;
            for (int m = 0; m < frame.length; m++) {
                frame[m] = switch (phase) {
                    case 1 -> (byte) -128;
                    case 2 -> (byte) 127;
                    default -> (byte) (random.nextInt(256) - 128);
                };
            }
            frames.add(frame);
        }
        return frames;
    }
}
