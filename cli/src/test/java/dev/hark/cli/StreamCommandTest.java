package dev.hark.cli;

import static dev.hark.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.listen.ListenStage;
import dev.hark.pipeline.listen.ListeningSettings;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
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
        return RandomModels.listening(31);
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
        Path modelFile = modelFile(model, "model.hark");
        Path wav = wavFile("kitchen.wav");
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
    void optionsLeftOutKeepTheModelsDetector() throws Exception {
        QuantizedModel model = model().withDetector(new DetectionSettings(3, 150, 4));
        Path modelFile = modelFile(model, "model.hark");
        Path wav = wavFile("kitchen.wav");
        CliRunner.Run run = CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                dir.resolve("out").toString(), "--threshold", "200");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        ListeningSettings expected = ListeningSettings.defaults(model).withThreshold(200);
        assertEquals(new DetectionSettings(3, 200, 4), expected.detection());
        assertTrue(run.out().startsWith("kitchen.wav: " + ListenStage.listen(model, expected, audio()).describe()),
                run.out());

        String help = CliRunner.run("stream", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("averages, 1 to 64 (default: the model's detector's; hark inspect shows it)"), help);
        assertTrue(help.contains("log-odds in 1/16 nat plus 128 (default: the model's detector's;"), help);
        assertTrue(help.contains("no other fires (default: the model's detector's;"), help);
    }

    @Test
    void aWavThatCannotBeReadIsOneLineNamingItAndNothingIsWritten() throws Exception {
        Path modelFile = modelFile(model(), "model.hark");
        Path wav = dir.resolve("broken.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        Path out = dir.resolve("out");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                out.toString()), wav.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void aSettingOutOfRangeNamesTheOption() throws Exception {
        Path modelFile = modelFile(model(), "model.hark");
        Path wav = wavFile("a.wav");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(),
                "--threshold", "300"), "--threshold", "300");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(),
                "--attention-window", "0"), "--attention-window");
    }

    @Test
    void aModelThatCannotListenNamesTheModelFile() throws Exception {
        Path modelFile = modelFile(RandomModels.tiny(1), "tiny.hark"); // 12 mel bins, the front end makes 40
        Path wav = wavFile("a.wav");
        assertOneLineError(CliRunner.run("stream", "-m", modelFile.toString(), "--wav", wav.toString(), "--out",
                dir.resolve("out").toString()), modelFile.toString(), "40");
    }

    @Test
    void anUnknownTargetIsAUsageErrorListingTheTargets() {
        CliRunner.Run run = CliRunner.run("stream", "-m", "m.hark", "--wav", "a.wav", "--target", "esp32");
        assertEquals(ExitCode.USAGE.code(), run.exitCode());
        String targets = String.join(", ", new TargetName());
        assertTrue(targets.contains("host, microbit, mps2-an385"), targets);
        assertTrue(run.err().contains("expected one of " + targets + " but was 'esp32'"), run.err());
    }

    private Path modelFile(QuantizedModel model, String name) throws IOException {
        Path file = dir.resolve(name);
        ModelFile.write(model, file);
        return file;
    }

    /** {@link #audio()} as a WAV file. */
    private Path wavFile(String name) throws IOException {
        Path file = dir.resolve(name);
        WavFile.write(file, audio());
        return file;
    }
}
