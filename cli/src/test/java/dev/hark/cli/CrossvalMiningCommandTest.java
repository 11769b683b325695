package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.train.HardNegativeMining;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark crossval --mining-rounds} through the real command line on the tiny corpus of
 * {@link CrossvalCommandTest}: every fold's model mines on streams of that fold's training speakers and trains on, and
 * a cross-validation without mining is refused in the same folder rather than mixed in; with {@code --stream-loss},
 * every fold's model is fine-tuned on sequences of its speakers. The machinery, never the figures.
 */
@Slow
class CrossvalMiningCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyFoldsModelMinesOnItsTrainingSpeakersAndAnUnminedRunIsRefusedInTheSameFolder() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        Path work = dir.resolve("work");
        List<String> plain = List.of("crossval", "--data", data.toString(), "--keyword", TinySpeechCommands.KEYWORD,
                "-w", work.toString(), "--folds", "2", "--seeds", "1", "--epochs", "1", "--students", "teacher",
                "--resamples", "50");
        List<String> mined = new ArrayList<>(plain);
        mined.addAll(List.of("--mining-rounds", "1", "--mining-hours", "0.01", "--mining-threshold", "1",
                "--mining-max", "3", "--mining-epochs", "1"));
        CliRunner.Run run = CliRunner.run(mined.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        Path crossval = work.resolve("crossval");
        for (String fold : List.of("fold-1", "fold-2")) {
            Path windows = HardNegativeMining.windowsFile(crossval.resolve("seed-1").resolve(fold).resolve("teacher")
                    .resolve("mining"), 1);
            assertTrue(Files.isRegularFile(windows), fold + ": " + windows + " in " + listing(crossval));
            assertEquals(3, HardNegativeMining.read(windows).size(), fold + ": the most a round keeps");
        }
        String stamp = Files.readString(crossval.resolve("crossval.settings"));
        assertTrue(stamp.contains("miningRounds=1"), stamp);

        CliRunner.Run refused = CliRunner.run(plain.toArray(String[]::new));
        assertTrue(refused.exitCode() != 0, refused.err());
        assertTrue(refused.err().contains("crossval.settings"), refused.err());
    }

    @Test
    void everyFoldsModelIsFineTunedByTheStreamLossOnVariedSequencesOfItsOwnSpeakers() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        Path work = dir.resolve("work");
        CliRunner.Run run = CliRunner.run("crossval", "--data", data.toString(), "--keyword",
                TinySpeechCommands.KEYWORD, "-w", work.toString(), "--folds", "2", "--seeds", "1", "--epochs", "1",
                "--students", "teacher", "--resamples", "50", "--mining-rounds", "0", "--stream-loss", "max-pool",
                "--stream-loss-epochs", "1", "--stream-loss-sequences", "varied");
        assertEquals(0, run.exitCode(), run.err());
        Path crossval = work.resolve("crossval");
        for (String fold : List.of("fold-1", "fold-2")) {
            Path tuning = crossval.resolve("seed-1").resolve(fold).resolve("teacher").resolve("stream-loss");
            assertTrue(Files.isDirectory(tuning) && listing(tuning).contains(".ckpt"), fold + ": " + listing(crossval));
        }
        String stamp = Files.readString(crossval.resolve("crossval.settings"));
        assertTrue(stamp.contains("streamLoss=") && stamp.contains("sequences=varied")
                && !stamp.contains("miningRounds"), stamp);
    }

    private static String listing(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString).collect(Collectors.joining(" "));
        }
    }
}
