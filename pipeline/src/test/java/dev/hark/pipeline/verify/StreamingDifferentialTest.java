package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Qemu;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private record Case(long seed, CrnnConfig shape, int attentionWindow, QuantizedModel model, List<byte[]> frames)
            implements BothTargets.Case {
        @Override
        public String describe() {
            return "seed " + seed + ", " + model.rounding() + " rounding, attention window " + attentionWindow + ", "
                    + shape;
        }
    }

    @Test
    void streamingModelsAreBitExactOnTheHostAndOnACortexM4() throws Exception {
        List<Case> cases = RandomModelDifferentialTest.randomCases(MODELS, FIRST_SEED,
                (seed, shape, model, random) -> new Case(seed, shape, 1 + random.nextInt(16), model,
                        frames(shape, random)));
        List<BothTargets.Outcome> outcomes = BothTargets.run(
                Path.of("target", "streaming-differential").toAbsolutePath(),
                "streaming differential test: " + MODELS + " models", cases, (c, check) -> {
                    TraceComparison.Result result = check.checkStream(c.model(), c.attentionWindow(), c.frames())
                            .comparison();
                    return BothTargets.Compared.of(result, result.clips());
                });
        assertTrue(outcomes.stream().allMatch(o -> o.count() > 0), "the streams complete steps");
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
