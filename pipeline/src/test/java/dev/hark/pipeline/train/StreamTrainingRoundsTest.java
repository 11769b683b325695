package dev.hark.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.evaluate.SmallData;
import dev.hark.pipeline.quantize.QuantizeStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.sim.io.Directories;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.testing.Slow;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Clip;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.FiringWindows;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.report.TrainingHistoryCsv;
import dev.hark.trainer.stream.StepLoss;
import dev.hark.trainer.stream.StreamTuningOptions;
import dev.hark.trainer.train.EpochStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recipe's rounds on a tiny CRNN and a tiny data set: what each round trains on, and a run continued. */
@Slow
class StreamTrainingRoundsTest {
    private static final CrnnConfig TINY = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();
    /**
     * One partial keyword per keyword clip, one mining round over 36 s of streams at threshold 1 (a mean score
     * of 1/256: the detector fires about once per refractory period unless the model is all but certain, so the
     * round finds windows), at most 3 kept.
     */
    private static final StreamTrainingRecipe RECIPE = new StreamTrainingRecipe(1, 1, 0.01, 1, 3, 1);

    @TempDir
    Path dir;

    @Test
    void theLastRoundTrainsOnTheMinedWindowsAndAContinuedRunEndsWithTheSameModel() throws Exception {
        BenchmarkData data = SmallData.trainAndDev(dir.resolve("data"));
        FeatureSet dev = data.features(Split.DEV, ProgressListener.NONE);
        Workspace workspace = new Workspace(dir.resolve("work"));
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());

        TrainStage.run(data, RECIPE, TINY, dev, 1, 5, workspace, quiet);

        Path rounds = workspace.root().resolve("train-rounds");
        assertTrue(Files.isRegularFile(rounds.resolve("round-0/float-model").resolve(CrnnModelStore.PROPERTIES_FILE)));
        List<Clip> mined = HardNegativeMining.read(HardNegativeMining.windowsFile(rounds, 1));
        assertEquals(3, mined.size(), "the most a round keeps");
        for (Clip c : mined) {
            assertEquals(HardNegativeMining.WORD, c.word());
        }
        assertEquals(5, Files.readString(rounds.resolve("round-1.txt")).lines().count(),
                "what mined them, a header and 3 windows");
        // 3 speakers x 3 words x 2 clips, the noise negatives, one partial keyword per keyword clip, the windows.
        int clips = 18 + NoiseNegatives.count(data.backgroundNoise(), Split.TRAIN) + 6 + 3;
        String stamp = Files.readString(workspace.root().resolve("float-model.settings"));
        assertTrue(stamp.contains(" round=1 clips=" + clips), stamp);
        String trained = Files.readString(workspace.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE));
        assertEquals(List.of(rounds.resolve("round-0/training-history.csv"), workspace.trainingHistory()),
                TrainStage.histories(workspace), "round 0's history, then the last round's");
        assertEquals(List.of(1, 2), TrainingHistoryCsv.readConsecutive(TrainStage.histories(workspace)).stream()
                .map(EpochStats::epoch).toList(), "one epoch each, numbered on");

        // A run stopped after mining, before the last round's model was saved, continues from the saved round 0
        // and the written windows (a kill inside an epoch continues from its checkpoint, KillAndResumeTest).
        Directories.deleteRecursively(workspace.floatModel());
        Files.delete(workspace.root().resolve("float-model.settings"));
        Directories.deleteRecursively(workspace.trainingRun());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainStage.run(data, RECIPE, TINY, dev, 1, 5, workspace, new PrintStream(log, true, StandardCharsets.UTF_8));
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("reusing the float model in " + rounds.resolve("round-0/float-model")), said);
        assertTrue(said.contains("[mining] round 1: reusing 3 windows"), said);
        assertEquals(trained, Files.readString(workspace.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE)),
                "the same parameters (their SHA-256 in the model's properties)");

        StreamTrainingRecipe other = new StreamTrainingRecipe(2, 1, 0.01, 1, 3, 1);
        WorkspaceConflictException e = assertThrows(WorkspaceConflictException.class,
                () -> TrainStage.run(data, other, TINY, dev, 1, 5, workspace, quiet));
        assertTrue(e.getMessage().contains("round-0"), e.getMessage());

        // Windows mined with other settings (here at most 2 kept) are not trained on either.
        Directories.deleteRecursively(rounds.resolve("round-0"));
        StreamTrainingRecipe fewer = new StreamTrainingRecipe(1, 1, 0.01, 1, 2, 1);
        WorkspaceConflictException refused = assertThrows(WorkspaceConflictException.class,
                () -> TrainStage.run(data, fewer, TINY, dev, 1, 5, workspace, quiet));
        assertTrue(refused.getMessage().startsWith(HardNegativeMining.windowsFile(rounds, 1)
                + ": these windows were mined with other settings"), refused.getMessage());
    }

    @Test
    void aRunAskedForMoreRoundsGoesOnFromAFinishedRunAndEndsWithTheModelOfAnUninterruptedOne() throws Exception {
        BenchmarkData data = SmallData.trainAndDev(dir.resolve("data"));
        FeatureSet dev = data.features(Split.DEV, ProgressListener.NONE);
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        StreamTrainingRecipe twoRounds = new StreamTrainingRecipe(1, 2, 0.01, 1, 3, 1);

        Workspace uninterrupted = new Workspace(dir.resolve("uninterrupted"));
        TrainStage.run(data, twoRounds, TINY, dev, 1, 5, uninterrupted, quiet);

        Workspace continued = new Workspace(dir.resolve("continued"));
        TrainStage.run(data, RECIPE, TINY, dev, 1, 5, continued, quiet);
        String roundOne = Files.readString(continued.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE));
        // Stands for the int8 model quantized from the first run's model, which the quantize stage would reuse.
        Files.writeString(continued.model(), "quantized from round 1");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainStage.run(data, twoRounds, TINY, dev, 1, 5, continued, new PrintStream(log, true, StandardCharsets.UTF_8));

        String said = log.toString(StandardCharsets.UTF_8);
        Path rounds = continued.root().resolve("train-rounds");
        assertTrue(said.contains("reusing the float model in " + rounds.resolve("round-0/float-model")), said);
        assertTrue(said.contains("[mining] round 1: reusing 3 windows"), said);
        assertTrue(said.contains("moving it to " + rounds.resolve("round-1/float-model")), said);
        assertTrue(said.contains("reusing the float model in " + rounds.resolve("round-1/float-model")), said);
        assertEquals(roundOne, Files.readString(rounds.resolve("round-1/float-model")
                .resolve(CrnnModelStore.PROPERTIES_FILE)), "the first run's last round kept as round 1");
        assertTrue(Files.isRegularFile(rounds.resolve("round-1/training-history.csv")));
        assertEquals(Files.readString(uninterrupted.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE)),
                Files.readString(continued.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE)),
                "the same parameters (their SHA-256 in the model's properties)");
        assertTrue(Files.readString(continued.root().resolve("float-model.settings")).contains(" round=2 "));
        assertTrue(Files.notExists(continued.model()), "the int8 model of the earlier float model is gone");
    }

    @Test
    void theStreamLossFineTunesTheLastRoundsModelWhichQuantizesAndARerunReusesIt() throws Exception {
        BenchmarkData data = SmallData.trainAndDev(dir.resolve("data"));
        FeatureSet dev = data.features(Split.DEV, ProgressListener.NONE);
        Workspace workspace = new Workspace(dir.resolve("work"));
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        StreamTuningOptions tiny = StreamTuningOptions.defaults().withEpochs(2).withSequences(4, 12).withBatch(2, 25);
        StreamTrainingRecipe maxPool = new StreamTrainingRecipe(0, 0, 0.01, 1, 3, 1)
                .withStreamLoss(tiny.withLoss(StepLoss.MAX_POOL));

        TrainStage.Trained tuned = TrainStage.run(data, maxPool, TINY, dev, 1, 5, workspace, quiet);

        Path roundZero = workspace.root().resolve("train-rounds/round-0/float-model");
        assertTrue(Files.isRegularFile(roundZero.resolve(CrnnModelStore.PROPERTIES_FILE)),
                "the clip training is kept as round 0");
        assertEquals(2, tuned.result().orElseThrow().history().size(), "the stream loss's epochs");
        String stamp = Files.readString(workspace.root().resolve("float-model.settings"));
        assertTrue(stamp.contains(" then stream-loss=") && stamp.contains("MAX_POOL"), stamp);
        String model = Files.readString(workspace.floatModel().resolve(CrnnModelStore.PROPERTIES_FILE));
        assertNotEquals(Files.readString(roundZero.resolve(CrnnModelStore.PROPERTIES_FILE)), model,
                "the workspace's float model is the fine-tuned one");
        QuantizedModel int8 = QuantizeStage.run(tuned.weights(), data.features(Split.TRAIN, ProgressListener.NONE),
                SmallData.KEYWORD, "test", workspace.model(), quiet);
        assertEquals(int8.parameterCount(), ModelFile.read(workspace.model()).parameterCount());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainStage.run(data, maxPool, TINY, dev, 1, 5, workspace, new PrintStream(log, true, StandardCharsets.UTF_8));
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("reusing the float model in " + workspace.floatModel()), said);
        assertTrue(Files.exists(workspace.model()), "a reused float model keeps its int8 model");

        StreamTrainingRecipe crossEntropy = maxPool.withStreamLoss(tiny);
        WorkspaceConflictException e = assertThrows(WorkspaceConflictException.class,
                () -> TrainStage.run(data, crossEntropy, TINY, dev, 1, 5, workspace, quiet));
        assertTrue(e.getMessage().startsWith(workspace.floatModel().toString()), e.getMessage());
    }

    @Test
    void aWindowsFileThatIsNotWholeSecondsIsRefusedNamingIt() throws Exception {
        Path file = dir.resolve("round-1.wav");
        dev.hark.sim.audio.WavFile.write(file, new short[FiringWindows.WINDOW_SAMPLES + 1]);
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> HardNegativeMining.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }
}
