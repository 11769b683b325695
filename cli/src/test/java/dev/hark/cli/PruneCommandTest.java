package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.model.SavedCrnn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark prune} through the real command line on a tiny corpus: the teacher trained for an epoch, pruned by two
 * amounts and fine-tuned for two. It checks the machinery, never the figures: the pruned models are the smaller shapes,
 * quantized; and a run killed inside the second model's fine-tuning, rerun, gives the very same table.
 */
@Slow
class PruneCommandTest {
    @TempDir
    Path dir;

    @Test
    void prunedModelsAreSmallerAndAResumedRunGivesTheSameTable() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"), TinySpeechCommands.speakersInEverySplit(2));
        Path work = dir.resolve("work");
        CliRunner.Run train = CliRunner.run("train", "--data", data.toString(), "--keyword",
                TinySpeechCommands.KEYWORD, "-w", work.toString(), "--epochs", "1", "--no-augment");
        assertEquals(0, train.exitCode(), train.err());
        String[] prune = {"prune", "--data", data.toString(), "--keyword", TinySpeechCommands.KEYWORD, "-w",
                work.toString(), "--epochs", "2", "--no-augment", "--fraction", "0.5,0.25:0.5", "--resamples", "100"};
        CliRunner.Run first = CliRunner.run(prune);
        assertEquals(0, first.exitCode(), first.err());
        for (String row : new String[] {"| teacher |", "| teacher-c50-u50 |", "| teacher-c25-u50 |"}) {
            assertTrue(first.out().contains(row), first.out());
        }
        Path pruneDir = work.resolve("prune");
        String table = Files.readString(pruneDir.resolve("prune-table.md"));
        String csv = Files.readString(pruneDir.resolve("prune-table.csv"));

        CrnnConfig teacher = CrnnConfig.defaults();
        assertPruned(pruneDir.resolve("teacher-c50-u50"), teacher.convChannels() / 2, teacher.gruHidden() / 2);
        assertPruned(pruneDir.resolve("teacher-c25-u50"), teacher.convChannels() * 3 / 4, teacher.gruHidden() / 2);

        // As if killed in the second model's second epoch: its newest checkpoint, model and the tables not written.
        Path killed = pruneDir.resolve("teacher-c25-u50");
        Files.delete(killed.resolve("checkpoints").resolve("epoch-0002.ckpt"));
        deleteTree(killed.resolve("model"));
        Files.delete(killed.resolve("model.hark"));
        Files.delete(pruneDir.resolve("prune-table.md"));
        Files.delete(pruneDir.resolve("prune-table.csv"));
        CliRunner.Run resumed = CliRunner.run(prune);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(Files.isRegularFile(killed.resolve("checkpoints").resolve("epoch-0002.ckpt")),
                "the killed model trained its last epoch again");
        assertEquals(first.out(), resumed.out());
        assertEquals(table, Files.readString(pruneDir.resolve("prune-table.md")));
        assertEquals(csv, Files.readString(pruneDir.resolve("prune-table.csv")));
    }

    private static void assertPruned(Path runDir, int channels, int hidden) throws IOException {
        try (SavedCrnn saved = CrnnModelStore.load(runDir.resolve("model"))) {
            CrnnConfig c = saved.weights().config();
            assertEquals(channels, c.convChannels(), runDir.toString());
            assertEquals(hidden, c.gruHidden(), runDir.toString());
            QuantizedModel int8 = ModelFile.read(runDir.resolve("model.hark"));
            assertEquals(c.parameterCount(), int8.parameterCount(), "every float parameter has an int8 twin");
            assertEquals("hark prune", int8.info().producer(), "the model file names the command that made it");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
