package dev.hark.cli;

import static dev.hark.cli.CliRunner.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.workspace.WorkspaceLock;
import dev.hark.sim.audio.PcmAudio;
import dev.hark.sim.audio.WavFile;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Fast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the real command line: one line on stderr naming the file and the problem, exit code 1,
 * and nothing written or overwritten.
 */
@Fast
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void modelWithAWrongChecksumIsRejected() throws Exception {
        Path model = dir.resolve("model.hark");
        byte[] bytes = ModelFile.toBytes(RandomModels.tiny(1));
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(model, bytes);
        assertOneLineError(CliRunner.run("inspect", model.toString()), model.toString(), "checksum mismatch");
    }

    @Test
    void generateRefusesACorruptedModelAndWritesNothing() throws Exception {
        Path model = dir.resolve("model.hark");
        byte[] bytes = ModelFile.toBytes(RandomModels.tiny(1));
        Files.write(model, Arrays.copyOf(bytes, bytes.length - 100));
        Path out = dir.resolve("generated");
        assertOneLineError(CliRunner.run("generate", "-m", model.toString(), "-o", out.toString()),
                model.toString());
        assertFalse(Files.exists(out.resolve("hark_network.c")));
    }

    @Test
    void benchListeningNamesAnOptionOutOfRangeBeforeWritingAnything() throws Exception {
        Path model = dir.resolve("model.hark");
        ModelFile.write(RandomModels.tiny(1), model);
        Path out = dir.resolve("bench");
        assertOneLineError(CliRunner.run("bench-listening", "-m", model.toString(), "-o", out.toString(),
                "--seconds", "61"), "--seconds", "61");
        assertOneLineError(CliRunner.run("bench-listening", "-m", model.toString(), "-o", out.toString(),
                "--attention-window", "0"), "--attention-window");
        assertOneLineError(CliRunner.run("bench-listening", "-m", dir.resolve("missing.hark").toString(), "-o",
                out.toString()), "missing.hark");
        assertFalse(Files.exists(out));
    }

    @Test
    void truncatedWavNamesTheFile() throws Exception {
        Path data = speechCommandsFolder();
        Path wav = data.resolve("sheila").resolve("aaaa0001_nohash_0.wav");
        byte[] whole = Files.readAllBytes(wav);
        Files.write(wav, Arrays.copyOf(whole, 30));
        Path work = dir.resolve("work");
        assertOneLineError(CliRunner.run("train", "--data", data.toString(), "--work", work.toString()),
                wav.toString());
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary leftovers");
            }
        }
    }

    @Test
    void wavAtTheWrongRateNamesTheRate() throws Exception {
        Path data = speechCommandsFolder();
        Path wav = data.resolve("other").resolve("bbbb0002_nohash_0.wav");
        WavFile.write(wav, new PcmAudio(new short[8000], 8000));
        assertOneLineError(CliRunner.run("train", "--data", data.toString(), "--work", dir.resolve("w").toString()),
                wav.toString(), "8000");
    }

    @Test
    void aWorkspaceOfAnotherKeywordIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path data = speechCommandsFolder();
        Path work = dir.resolve("work");
        Files.createDirectories(work);
        Files.writeString(work.resolve("workspace.txt"), "data=synthetic\nkeyword=stop\n");
        assertOneLineError(CliRunner.run("train", "--data", data.toString(), "--work", work.toString()),
                work.toString(), "holds a run on other data");
        try (var files = Files.list(work)) {
            assertEquals(1, files.count(), "nothing beside the stamp");
        }
    }

    @Test
    void aSecondRunOnAWorkspaceInUseIsRefusedAndTouchesNothing() throws Exception {
        Path data = speechCommandsFolder();
        Path work = Files.createDirectories(dir.resolve("work"));
        try (WorkspaceLock held = WorkspaceLock.acquire(work)) {
            byte[] lockFile = Files.readAllBytes(work.resolve(WorkspaceLock.FILE_NAME));
            assertOneLineError(CliRunner.run("train", "--data", data.toString(), "--work", work.toString()),
                    work + ": another hark run (pid " + ProcessHandle.current().pid() + ") is using this workspace");
            try (var files = Files.list(work)) {
                assertEquals(List.of(work.resolve(WorkspaceLock.FILE_NAME)), files.toList(), "nothing beside the lock");
            }
            assertArrayEquals(lockFile, Files.readAllBytes(work.resolve(WorkspaceLock.FILE_NAME)));
        }
    }

    /** A tiny data set: a few 1-second clips of two words from distinct speakers. */
    private Path speechCommandsFolder() throws Exception {
        Path data = dir.resolve("data");
        String[][] clips = {{"sheila", "aaaa0001"}, {"sheila", "aaaa0003"}, {"other", "bbbb0002"}, {"other", "bbbb0004"}};
        for (String[] clip : clips) {
            short[] samples = new short[16000];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (1000 * Math.sin(i * 0.05 * (clip[0].length())));
            }
            WavFile.write(data.resolve(clip[0]).resolve(clip[1] + "_nohash_0.wav"), samples);
        }
        return data;
    }
}
