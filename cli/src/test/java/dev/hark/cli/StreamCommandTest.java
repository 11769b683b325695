package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.listen.ListenStage;
import dev.hark.pipeline.listen.ListeningSettings;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark stream} in the simulator: what it prints, what it writes, and bad input in one line. */
@Fast
class StreamCommandTest {
    @TempDir
    Path dir;

    /** A random CRNN of the front end's 40 mel bins, a step every 4 frames. */
    static QuantizedModel model() {
        CrnnConfig shape = CrnnConfig.builder().optFrames(48).optMels(40).optConvChannels(2).optKernelTime(8)
                .optKernelMel(5).optStrideTime(4).optStrideMel(3).optGruHidden(8).optGruLayers(1).build();
        return RandomModels.create(shape, 31, Rounding.DOUBLE);
    }

    /** Two seconds of noise and tones. */
    static short[] audio() {
        Random random = new Random(5);
        short[] samples = new short[32_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i / 8000 % 2 == 0 ? random.nextGaussian() * 3000 : 5000 * Math.sin(i * 0.05));
        }
        return samples;
    }

    @Test
    void printsEachDetectionAndASummaryAndWritesTheTraceAndChart() throws Exception {
        QuantizedModel model = model();
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(model, modelFile);
        Path wav = dir.resolve("kitchen.wav");
        WavFile.write(wav, audio());
        Path out = dir.resolve("out");

        CliRunner.Run run = CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                out.toString(), "--smoothing", "1", "--threshold", "1", "--refractory", "2");

        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        ListenStage.Heard expected = ListenStage.listen(model, ListeningSettings.defaults(model).withSmoothingSteps(1)
                .withThreshold(1).withRefractorySteps(2), audio());
        assertFalse(expected.detections().isEmpty(), "the command has detections to print");
        List<String> printed = run.out().lines().filter(l -> l.startsWith("detection at ")).toList();
        assertEquals(expected.detections().stream().map(ListenStage::describe).toList(), printed);
        assertTrue(run.out().startsWith("kitchen.wav: " + expected.describe() + "\n"), run.out());
        assertTrue(run.out().contains(expected.summary()), run.out());
        assertTrue(Files.size(out.resolve("kitchen-scores.csv")) > 0);
        assertTrue(Files.size(out.resolve("kitchen-scores.png")) > 0);
    }

    @Test
    void optionsLeftOutKeepTheDefaultsWhichTheHelpShows() throws Exception {
        QuantizedModel model = model();
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(model, modelFile);
        Path wav = dir.resolve("kitchen.wav");
        WavFile.write(wav, audio());
        CliRunner.Run run = CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                dir.resolve("out").toString(), "--threshold", "200");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        ListeningSettings expected = ListeningSettings.defaults(model).withThreshold(200);
        assertTrue(run.out().startsWith("kitchen.wav: " + ListenStage.listen(model, expected, audio()).describe()),
                run.out());

        String help = CliRunner.run("stream", "--help").out().replaceAll("\\s+", " ");
        DetectionSettings defaults = DetectionSettings.DEFAULT;
        assertTrue(help.contains("averages, 1 to 64 (default: " + defaults.smoothingSteps() + ")"), help);
        assertTrue(help.contains("in 1/256 (default: " + defaults.threshold() + ")"), help);
        assertTrue(help.contains("no other fires (default: " + defaults.refractorySteps() + ")"), help);
    }

    @Test
    void aWavThatCannotBeReadIsOneLineNamingItAndNothingIsWritten() throws Exception {
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(model(), modelFile);
        Path wav = dir.resolve("broken.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path out = dir.resolve("out");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                out.toString()), wav.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSettingOutOfRangeNamesTheOption() throws Exception {
        Path modelFile = dir.resolve("model.hark");
        ModelFile.write(model(), modelFile);
        Path wav = dir.resolve("a.wav");
        WavFile.write(wav, audio());
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(),
                "--threshold", "300"), "--threshold", "300");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(),
                "--attention-window", "0"), "--attention-window");
    }

    @Test
    void aModelThatCannotListenNamesTheModelFile() throws Exception {
        Path modelFile = dir.resolve("tiny.hark");
        ModelFile.write(RandomModels.tiny(1), modelFile); // 12 mel bins, the front end makes 40
        Path wav = dir.resolve("a.wav");
        WavFile.write(wav, audio());
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                dir.resolve("out").toString()), modelFile.toString(), "40");
    }

    @Test
    void anUnknownTargetIsAUsageErrorListingTheTargets() {
        CliRunner.Run run = CliRunner.run("stream", "-m", "m.hark", "--wav", "a.wav", "--target", "esp32");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        assertTrue(run.err().contains("expected one of host, mps2-an386 but was 'esp32'"), run.err());
    }

    private static void assertOneLineError(CliRunner.Run run, String... fragments) {
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), "one line only:\n" + err);
        assertTrue(err.startsWith("hark: "), err);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment), "'" + fragment + "' in: " + err);
        }
    }
}
