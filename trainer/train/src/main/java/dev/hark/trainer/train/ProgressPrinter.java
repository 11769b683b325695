package dev.hark.trainer.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints training progress, one line at a time so that logs stay readable: during an epoch, the batch position
 * and running train loss at most every {@link #BATCH_LINE_INTERVAL_NANOS}; after it, one summary line with
 * the train loss, the dev loss, accuracy and au_fa_fr, the epoch's wall time, and a star on the best epoch so
 * far. Reads the epoch numbers from {@link BestEpochKeeper}, which must come earlier in the listener list.
 */
public final class ProgressPrinter extends TrainingListenerAdapter {
    /** Minimum time between two batch lines (10 s). */
    public static final long BATCH_LINE_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final int epochs;
    private final int batchesPerEpoch;
    private final BestEpochKeeper keeper;
    private long lastLine;
    private int epoch = 1;
    private int batch;

    /**
     * @param out             where lines go
     * @param epochs          epochs the training will run, for "epoch i/n"
     * @param batchesPerEpoch training batches per epoch, for "batch j/m"
     * @param keeper          the source of each epoch's numbers
     */
    public ProgressPrinter(PrintStream out, int epochs, int batchesPerEpoch, BestEpochKeeper keeper) {
        this.out = out;
        this.epochs = epochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.keeper = keeper;
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        lastLine = System.nanoTime();
        epoch = keeper.history().size() + 1; // a resumed run starts after its checkpoint
        if (epoch > 1) {
            out.printf(Locale.ROOT, "resuming after epoch %d of %d%n", epoch - 1, epochs);
        }
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        batch++;
        long now = System.nanoTime();
        if (now - lastLine < BATCH_LINE_INTERVAL_NANOS) {
            return;
        }
        lastLine = now;
        float runningLoss = trainer.getLoss().getAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH);
        out.printf(Locale.ROOT, "epoch %d/%d  batch %d/%d  train loss %.4f%n", epoch, epochs, batch,
                batchesPerEpoch, runningLoss);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        EpochStats s = keeper.history().get(keeper.history().size() - 1);
        out.printf(Locale.ROOT,
                "epoch %d/%d  train loss %.4f  dev loss %.4f  dev acc %.4f  dev au_fa_fr %.5f  %.1f s%s%n",
                s.epoch(), epochs, s.trainLoss(), s.devLoss(), s.devAccuracy(), s.devAuFaFr(), s.seconds(),
                keeper.bestEpoch() == s.epoch() ? "  *best" : "");
        epoch = s.epoch() + 1;
        batch = 0;
        lastLine = System.nanoTime();
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        out.printf(Locale.ROOT, "kept epoch %d of %d%n", keeper.bestEpoch(), epochs);
    }
}
