package dev.hark.pipeline.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.testing.Fast;
import dev.hark.trainer.report.TrainingHistoryCsv;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class TrainingHistoryFileTest {
    @TempDir
    Path dir;

    @Test
    void theReportReadsBackWhatTheTrainStageWrites() throws Exception {
        List<EpochStats> epochs = List.of(new EpochStats(1, 0.693147, 0.6, 0.75, 0.125, 12.5),
                new EpochStats(2, 0.4, 0.35, 0.875, 0.0625, 11.25));
        Path file = dir.resolve("training-history.csv");
        Files.writeString(file, TrainingHistoryFile.csv(new TrainingResult(epochs, 2)));
        assertEquals(epochs, TrainingHistoryCsv.read(file));
    }
}
