package dev.hark.pipeline.train;

import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.TrainingResult;
import java.util.Locale;

/**
 * The training history as the workspace keeps it ({@code training-history.csv}): one row per epoch with the
 * losses, the dev metrics and the seconds it took. The report reads it back with
 * {@code dev.hark.trainer.report.TrainingHistoryCsv}.
 */
public final class TrainingHistoryFile {
    private TrainingHistoryFile() {
    }

    public static String csv(TrainingResult result) {
        StringBuilder csv = new StringBuilder("epoch,train_loss,dev_loss,dev_accuracy,dev_au_fa_fr,seconds\n");
        for (EpochStats e : result.history()) {
            csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n", e.epoch(), e.trainLoss(),
                    e.devLoss(), e.devAccuracy(), e.devAuFaFr(), e.seconds()));
        }
        return csv.toString();
    }
}
