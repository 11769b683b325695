package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.pipeline.data.TrainingSpeakersFile;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.LabelledRecordings;
import dev.hark.testing.Slow;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hark evaluate} through the real command line, on a CSV list of clips the test writes. */
@Slow
class EvaluateCommandTest {
    @TempDir
    Path dir;
    Path model;
    Path csv;
    Path out;

    @BeforeEach
    void smallModelAndClips() throws Exception {
        model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.create(CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
                .build(), 4, Rounding.DOUBLE), model);
        csv = LabelledRecordings.write(dir);
        out = dir.resolve("out");
    }

    private CliRunner.Run evaluate(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("evaluate", "-m", model.toString(), "--data",
                csv.toString(), "--out", out.toString(), "--hours", "0.02"));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private double auFaFr() throws Exception {
        JsonObject summary = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonObject();
        return summary.getAsJsonObject("networks").getAsJsonObject("int8").getAsJsonObject("auFaFr").get("value")
                .getAsDouble();
    }

    @Test
    void printsTheFiguresWritesTheOutputsAndFailsTheGateAboveItsMark() throws Exception {
        CliRunner.Run run = evaluate();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("13 clips (5 'sheila', 8 other)"), run.out());
        assertTrue(run.out().contains("int8: au_fa_fr") && run.out().contains("misses by speaker"), run.out());
        assertEquals(14, Files.readAllLines(out.resolve("clips.csv")).size());
        assertTrue(Files.exists(out.resolve("index.html")) && Files.exists(out.resolve("det-curve.png")));
        double area = auFaFr();
        assertTrue(area > 0, "tied scores make au_fa_fr positive: " + area);

        assertEquals(ExitCode.OK.code(), evaluate("--max-au-fa-fr", Double.toString(area)).exitCode());
        CliRunner.Run failed = evaluate("--max-au-fa-fr", Double.toString(area / 2));
        assertEquals(ExitCode.QUALITY_GATE.code(), failed.exitCode(), failed.err());
        assertTrue(failed.out().contains("quality gate FAILED: au_fa_fr"), failed.out());
    }

    @Test
    void warnsWithACountWhenClipsComeFromTrainingSpeakers() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        TrainingSpeakersFile.write(TrainingSpeakers.of(List.of("spk0", "spk9", "someone")),
                work.resolve("training-speakers.txt"));
        CliRunner.Run run = evaluate("-w", work.toString());
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        // spk0 speaks clips 0, 4 and 8; spk9 the extra row.
        assertTrue(run.out().contains("warning: 4 of 13 clips (2 speakers) come from speakers the model was trained"
                + " on"), run.out());
    }

    @Test
    void aModelGivenAloneWarnsFromTheSpeakersItsFileRecords() throws Exception {
        CliRunner.Run without = evaluate();
        assertEquals(ExitCode.OK.code(), without.exitCode(), without.err());
        assertTrue(without.out().contains("no training-speaker record"), without.out());

        QuantizedModel read = ModelFile.read(model);
        ModelFile.write(new QuantizedModel(read.info().withTrainingSpeakers(TrainingSpeakers.ofDeterministicSalt(
                List.of("spk1", "someone"))), read.rounding(), read.layers()), model);
        CliRunner.Run run = evaluate();
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        // spk1 speaks clips 1, 5 and 9.
        assertTrue(run.out().contains("warning: 3 of 13 clips (1 speaker) come from speakers the model was trained"
                + " on"), run.out());
    }

    @Test
    void aWavOfAnotherRateIsNamedAndEarlierOutputsStay() throws Exception {
        assertEquals(ExitCode.OK.code(), evaluate().exitCode());
        String summary = Files.readString(out.resolve("summary.json"));
        Path odd = dir.resolve("clip5.wav");
        WavFile.write(odd, new PcmAudio(new short[8000], 8000));
        CliRunner.Run run = evaluate();
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.contains(odd.toString()) && err.contains("8000 Hz"), err);
        assertTrue(err.endsWith("(--resample converts such recordings to 16 kHz mono)"), err);
        assertEquals(summary, Files.readString(out.resolve("summary.json")));
    }

    @Test
    void resampleConvertsAWavOfAnotherRateAndChannelCount() throws Exception {
        short[] at16k = WavFile.read(dir.resolve("clip0.wav"));
        short[] at48kStereo = new short[6 * at16k.length];
        for (int i = 0; i < at48kStereo.length; i++) {
            at48kStereo[i] = at16k[i / 6]; // each sample held for three frames of two equal channels
        }
        Path wav = dir.resolve("clip0.wav");
        WavFile.write(wav, new PcmAudio(at48kStereo, 48000));
        byte[] bytes = Files.readAllBytes(wav);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putShort(22, (short) 2).putInt(24, 48000).putInt(28, 48000 * 4).putShort(32, (short) 4);
        Files.write(wav, bytes); // the same data as 48 kHz stereo: half as many frames of two channels

        CliRunner.Run refused = evaluate();
        assertEquals(ExitCode.BAD_INPUT.code(), refused.exitCode(), refused.err());
        assertTrue(refused.err().contains(wav + ": not mono (2 channels) (--resample converts"), refused.err());
        CliRunner.Run run = evaluate("--resample");
        assertEquals(ExitCode.OK.code(), run.exitCode(), run.err());
        assertTrue(run.out().contains("13 clips (5 'sheila', 8 other)"), run.out());
    }

    @Test
    void aCsvRowWithoutLabelIsNamed() throws Exception {
        Files.writeString(csv, "path,label\nclip0.wav\n");
        CliRunner.Run run = evaluate();
        assertEquals(ExitCode.BAD_INPUT.code(), run.exitCode(), run.err());
        assertTrue(run.err().contains(csv + ":2: missing the label column"), run.err());
    }
}
