package dev.hark.pipeline.verify;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
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
 * Differential test over random networks: {@value #MODELS} CRNNs of random shape (input size, convolution
 * channels, kernel and stride, GRU size and depth, attention or last step, classes), random float weights and
 * random calibration clips, quantized by the real quantizer in both rounding modes, each run on random and extreme
 * clips in the simulator and as generated C on the host and on QEMU mps2-an386 (Cortex-M4). Every traced byte of
 * every layer must agree; a failure names the model's seed and shape and the first difference (clip, layer, step,
 * index).
 */
@Qemu
class RandomModelDifferentialTest {
    static final int MODELS = 200;
    private static final long FIRST_SEED = 1_000;

    /** One random model and the clips it runs. */
    record Case(long seed, CrnnConfig shape, QuantizedModel model, List<byte[]> clips)
            implements BothTargets.Case {
        @Override
        public String describe() {
            return "seed " + seed + ", " + model.rounding() + " rounding, " + shape;
        }
    }

    @Test
    void randomModelsAreBitExactOnTheHostAndOnACortexM4() throws Exception {
        List<Case> cases = randomCases(MODELS, FIRST_SEED,
                (seed, shape, model, random) -> new Case(seed, shape, model, clips(model, seed)));
        List<String> ids = List.of("random-0", "random-1", "all-min", "all-max", "alternating");
        BothTargets.run(Path.of("target", "differential").toAbsolutePath(),
                "random-model differential test: " + MODELS + " models", cases,
                (c, check) -> BothTargets.Compared.of(check.check(c.model(), c.clips(), ids).comparison(), 1));
    }

    /** Makes a case of a random model. */
    interface CaseMaker<C> {
        C make(long seed, CrnnConfig shape, QuantizedModel model, Random random);
    }

    /**
     * Cases of {@code count} random models, seeds from {@code firstSeed} on: each draws its shape
     * ({@link #randomShape}) and rounding from a {@link Random} of its seed, which then goes on to the maker.
     */
    static <C> List<C> randomCases(int count, long firstSeed, CaseMaker<C> maker) {
        List<C> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = firstSeed + i;
            Random random = new Random(seed);
            CrnnConfig shape = randomShape(random);
            Rounding rounding = random.nextBoolean() ? Rounding.SINGLE : Rounding.DOUBLE;
            cases.add(maker.make(seed, shape, RandomModels.create(shape, seed, rounding), random));
        }
        return cases;
    }

    /** A CRNN the code generator supports, small enough that hundreds build and run in minutes. */
    static CrnnConfig randomShape(Random r) {
        int frames = 6 + r.nextInt(35);
        int mels = 3 + r.nextInt(14);
        return CrnnConfig.builder()
                .optFrames(frames)
                .optMels(mels)
                .optConvChannels(1 + r.nextInt(4))
                .optKernelTime(1 + r.nextInt(Math.min(8, frames)))
                .optKernelMel(1 + r.nextInt(Math.min(5, mels)))
                .optStrideTime(1 + r.nextInt(4))
                .optStrideMel(1 + r.nextInt(3))
                .optGruHidden(1 + r.nextInt(12))
                .optGruLayers(1 + r.nextInt(2))
                .optAttention(r.nextBoolean())
                .optClasses(2 + r.nextInt(3))
                .build();
    }

    /** Two random clips and the extremes that drive every layer into saturation. */
    static List<byte[]> clips(QuantizedModel model, long seed) {
        List<byte[]> clips = new ArrayList<>(RandomModels.features(model, 2, seed));
        int size = model.info().inputSize();
        clips.add(filled(size, (byte) -128));
        clips.add(filled(size, (byte) 127));
        byte[] alternating = new byte[size];
        for (int i = 0; i < size; i++) {
            alternating[i] = (byte) (i % 2 == 0 ? -128 : 127);
        }
        clips.add(alternating);
        return clips;
    }

    private static byte[] filled(int size, byte value) {
        byte[] clip = new byte[size];
        Arrays.fill(clip, value);
        return clip;
    }
}
