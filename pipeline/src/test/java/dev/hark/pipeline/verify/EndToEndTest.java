package dev.hark.pipeline.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.firmware.run.HarnessTrace;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.testing.Qemu;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The key test of hark: a model goes through the code generator, the C is built for the host and for a Cortex-M4
 * board under QEMU, runs on feature clips, and every traced byte of every layer equals the Java simulator's.
 * Each part skips, naming the missing tool, when the toolchain is not installed.
 */
class EndToEndTest {
    private static final long MODEL_SEED = 11;

    @Test
    @Slow
    void hostFirmwareMatchesTheSimulatorByteForByte() throws IOException {
        QuantizedModel model = RandomModels.tiny(MODEL_SEED);
        TraceComparison.Result result = assertMatches("host-double", model, Target.HOST, clips(model, 6)).comparison();
        assertEquals(9, result.clips());
        assertEquals(7, result.layers());
    }

    @Test
    @Qemu
    void qemuFirmwareMatchesTheSimulatorByteForByte() throws IOException {
        QuantizedModel model = RandomModels.tiny(MODEL_SEED);
        assertEquals(9, assertMatches("qemu-double", model, Target.MPS2_AN386, clips(model, 6)).comparison().clips());
    }

    @Test
    @Qemu
    void singleRoundingFirmwareMatchesOnHostAndQemu() throws IOException {
        QuantizedModel model = RandomModels.create(RandomModels.tinyShape(), MODEL_SEED + 1, Rounding.SINGLE);
        List<Clip> clips = clips(model, 3);
        assertMatches("host-single", model, Target.HOST, clips);
        assertMatches("qemu-single", model, Target.MPS2_AN386, clips);
    }

    @Test
    @Slow
    void oneGruLayerModelMatchesOnHost() throws IOException {
        QuantizedModel model = RandomModels.create(CrnnConfig.builder().optFrames(24).optMels(10).optConvChannels(3)
                        .optKernelTime(5).optKernelMel(4).optStrideTime(3).optStrideMel(3).optGruHidden(6).optGruLayers(1)
                        .optClasses(3).build(),
                MODEL_SEED + 2, Rounding.DOUBLE);
        assertMatches("host-one-gru", model, Target.HOST, clips(model, 4));
    }

    @Test
    @Qemu
    void noAttentionModelMatchesOnHostAndQemu() throws IOException {
        QuantizedModel model = RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), MODEL_SEED + 3,
                Rounding.DOUBLE);
        List<Clip> clips = clips(model, 6);
        TraceComparison.Result host = assertMatches("host-no-attention", model, Target.HOST, clips).comparison();
        assertEquals(9, host.clips());
        assertEquals(6, host.layers(), "conv, gru1, gru2, context, logits, probs");
        assertMatches("qemu-no-attention", model, Target.MPS2_AN386, clips);
    }

    @Test
    @Qemu
    void smallStudentMatchesOnHostAndQemu() throws IOException {
        QuantizedModel model = RandomModels.create(RandomModels.smallStudentShape(), MODEL_SEED + 4,
                Rounding.DOUBLE);
        assertEquals(2828, model.parameterCount());
        List<Clip> clips = clips(model, 4);
        assertMatches("host-small-student", model, Target.HOST, clips);
        FirmwareCheck.Outcome run = assertMatches("qemu-small-student", model, Target.MPS2_AN386, clips);
        System.out.println("small student (" + model.parameterCount() + " parameters, no attention): arena "
                + run.generation().arenaBytes() + " bytes; harness image " + run.build().size().orElseThrow());
        System.out.print(run.generation().memoryPlan().toTable());
        assertTrue(run.generation().arenaBytes() < 2 * 1024, "arena of " + run.generation().arenaBytes());
    }

    @Test
    @Slow
    void smallStudentWithAttentionMatchesOnHost() throws IOException {
        QuantizedModel model = RandomModels.create(RandomModels.smallStudentShape().toBuilder().optAttention(true)
                .build(), MODEL_SEED + 5, Rounding.DOUBLE);
        assertMatches("host-small-student-attention", model, Target.HOST, clips(model, 3));
    }

    /** The measured speed's shape: the fast builds of the attention's kernels, both roundings, on a Cortex-M4. */
    @Test
    @Qemu
    void smallStudentWithAttentionMatchesOnACortexM4InBothRoundings() throws IOException {
        for (Rounding rounding : Rounding.values()) {
            QuantizedModel model = RandomModels.create(RandomModels.smallStudentShape().toBuilder()
                    .optAttention(true).build(), MODEL_SEED + 6, rounding);
            assertMatches("qemu-small-student-attention-" + rounding.name().toLowerCase(Locale.ROOT),
                    model, Target.MPS2_AN386, clips(model, 3));
        }
    }

    @Test
    @Slow
    void aCorruptedFirmwareTraceIsReportedWithLayerStepAndIndex() throws IOException {
        QuantizedModel model = RandomModels.tiny(MODEL_SEED);
        List<Clip> clips = clips(model, 2);
        FirmwareCheck.Outcome run = run("host-corrupted", model, Target.HOST, clips);
        // gru2 is [7 steps][8 units]: byte 29 is step 3, unit 5.
        int layer = 2;
        int index = 29;
        List<List<byte[]>> corrupted = new ArrayList<>();
        for (List<byte[]> clip : run.trace().clips()) {
            List<byte[]> copy = new ArrayList<>();
            for (byte[] values : clip) {
                copy.add(values.clone());
            }
            corrupted.add(copy);
        }
        byte original = corrupted.get(1).get(layer)[index];
        corrupted.get(1).get(layer)[index] = (byte) (original ^ 0x40);
        HarnessTrace bad = new HarnessTrace(run.trace().layers(), corrupted);

        TraceComparison.Result result = TraceComparison.compare(model, features(clips), ids(clips), bad);
        assertFalse(result.identical());
        assertEquals(1, result.bytesDiffering());
        assertEquals(1L, result.differingByLayer().get("gru2"));
        assertEquals("clip 1 (random-1), layer gru2, step 3, index 29: simulator " + original + ", firmware "
                + (byte) (original ^ 0x40), result.firstDifference().orElseThrow());
    }

    @Test
    @Qemu
    void defaultSizeModelMatchesOnQemuAndFitsACortexM4() throws IOException {
        QuantizedModel model = RandomModels.defaultSize(MODEL_SEED);
        FirmwareCheck.Outcome run = assertMatches("qemu-default-size", model, Target.MPS2_AN386, clips(model, 2));
        long flash = run.build().size().orElseThrow().flash();
        long ram = run.build().size().orElseThrow().ram();
        System.out.println("default-size random CRNN (" + model.parameterCount() + " parameters): arena "
                + run.generation().arenaBytes() + " bytes; harness image " + run.build().size().orElseThrow());
        System.out.print(run.generation().memoryPlan().toTable());
        assertTrue(run.generation().arenaBytes() < 16 * 1024, "arena of " + run.generation().arenaBytes());
        assertTrue(flash < 256 * 1024 && ram < 64 * 1024, run.build().size().orElseThrow().toString());
    }

    /** A feature clip and the name it is reported under. */
    private record Clip(String id, byte[] features) {
    }

    /** {@code random} random clips plus the extremes, which drive every layer into saturation. */
    private static List<Clip> clips(QuantizedModel model, int random) {
        List<Clip> clips = new ArrayList<>();
        List<byte[]> features = RandomModels.features(model, random, 99);
        for (int i = 0; i < features.size(); i++) {
            clips.add(new Clip("random-" + i, features.get(i)));
        }
        int size = model.info().inputSize();
        clips.add(new Clip("all-min", filled(size, (byte) -128)));
        clips.add(new Clip("all-max", filled(size, (byte) 127)));
        clips.add(new Clip("zero", filled(size, (byte) 0)));
        return clips;
    }

    private static byte[] filled(int size, byte value) {
        byte[] clip = new byte[size];
        Arrays.fill(clip, value);
        return clip;
    }

    private static List<byte[]> features(List<Clip> clips) {
        return clips.stream().map(Clip::features).toList();
    }

    private static List<String> ids(List<Clip> clips) {
        return clips.stream().map(Clip::id).toList();
    }

    /** Runs the clips on the target and asserts that every traced byte equals the simulator's. */
    private static FirmwareCheck.Outcome assertMatches(String name, QuantizedModel model, Target target,
                                                       List<Clip> clips) throws IOException {
        FirmwareCheck.Outcome outcome = run(name, model, target, clips);
        assertTrue(outcome.comparison().identical(), outcome.comparison().summary());
        return outcome;
    }

    /** Generates, builds and runs in target/end-to-end/{@code name}; skips when a tool is missing. */
    private static FirmwareCheck.Outcome run(String name, QuantizedModel model, Target target, List<Clip> clips)
            throws IOException {
        try {
            return new FirmwareCheck(Path.of("target", "end-to-end", name).toAbsolutePath(), target,
                    model.rounding()).check(model, features(clips), ids(clips));
        } catch (MissingToolException e) {
            Assumptions.abort(e.getMessage());
            throw e;
        }
    }
}
