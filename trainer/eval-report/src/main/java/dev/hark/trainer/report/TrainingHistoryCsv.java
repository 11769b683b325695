package dev.hark.trainer.report;

import dev.hark.trainer.train.EpochStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the training history the pipeline writes ({@code training-history.csv}): a header
 * {@code epoch,train_loss,dev_loss,dev_accuracy,dev_au_fa_fr,seconds}, then one row per epoch.
 */
public final class TrainingHistoryCsv {
    static final String HEADER = "epoch,train_loss,dev_loss,dev_accuracy,dev_au_fa_fr,seconds";

    private TrainingHistoryCsv() {
    }

    /**
     * The histories of trainings that each went on from the model of the one before (a training, then its rounds of
     * hard-negative mining), one after the other, their epochs numbered on from the last epoch of the one before;
     * files that do not exist are left out.
     *
     * @throws IOException as {@link #read(Path)}
     */
    public static List<EpochStats> readConsecutive(List<Path> files) throws IOException {
        List<EpochStats> out = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            int before = out.isEmpty() ? 0 : out.get(out.size() - 1).epoch();
            for (EpochStats e : read(file)) {
                out.add(new EpochStats(before + e.epoch(), e.trainLoss(), e.devLoss(), e.devAccuracy(), e.devAuFaFr(),
                        e.seconds()));
            }
        }
        return out;
    }

    /** @throws IOException if the file cannot be read, has another header, or a row is not six numbers */
    public static List<EpochStats> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IOException(file + ": not a training history (expected the header " + HEADER + ")");
        }
        List<EpochStats> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 6) {
                throw new IOException(file + ": line " + (i + 1) + " has " + f.length + " fields, expected 6");
            }
            try {
                out.add(new EpochStats(Integer.parseInt(f[0].trim()), Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + " is not numbers: " + line);
            }
        }
        return out;
    }
}
