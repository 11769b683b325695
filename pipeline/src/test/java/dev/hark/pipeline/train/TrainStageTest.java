package dev.hark.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.workspace.WorkspaceConflictException;
import dev.hark.testing.Fast;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModelStore;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class TrainStageTest {
    @TempDir
    Path dir;

    @Test
    void aModelTrainedWithOtherSettingsIsNotReused() throws Exception {
        TrainingFeatures none = TrainingFeatures.of(List.of());
        TrainingOptions twenty = TrainingOptions.builder().optEpochs(20).build();
        TrainingOptions five = TrainingOptions.builder().optEpochs(5).build();
        CrnnConfig config = CrnnConfig.defaults();
        assertNotEquals(TrainingFingerprint.of(none, config, twenty), TrainingFingerprint.of(none, config, five));

        Path model = dir.resolve("float-model");
        Files.createDirectories(model);
        Files.writeString(model.resolve(CrnnModelStore.PROPERTIES_FILE), "# stands for a saved model\n");
        Files.writeString(dir.resolve("float-model.settings"), TrainingFingerprint.of(none, config, five));
        WorkspaceConflictException e = assertThrows(WorkspaceConflictException.class, () -> TrainStage.run(none,
                new FeatureSet(List.of()), config, twenty, model, dir.resolve("history.csv"),
                new PrintStream(PrintStream.nullOutputStream())));
        assertTrue(e.getMessage().startsWith(model + ": this float model was trained with other settings"),
                e.getMessage());
    }
}
