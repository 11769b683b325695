package dev.hark.trainer.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A small real training run for {@link KillAndResumeTest}, started in a child JVM: trains the toy problem with
 * checkpoints in {@code args[0]} (resuming whatever is there) and, when done, writes the final parameters' bit
 * patterns and the history (without wall times) to {@code args[1]}. Each clip read sleeps {@code args[2]}
 * milliseconds, so that epochs last long enough to be killed in the middle of one.
 */
public final class TrainingRunMain {
    static final CrnnConfig CONFIG = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1).build();
    static final int EPOCHS = 6;

    private TrainingRunMain() {
    }

    public static void main(String[] args) throws Exception {
        Path runDir = Path.of(args[0]);
        Path result = Path.of(args[1]);
        long sleepMillis = Long.parseLong(args[2]);
        List<Example> train = ToyProblem.clips(CONFIG, 128, 0.4, 21);
        List<Example> dev = ToyProblem.clips(CONFIG, 48, 0.4, 22);
        TrainingFeatures fixed = TrainingFeatures.of(train);
        TrainingFeatures slow = new TrainingFeatures() {
            @Override
            public int size() {
                return fixed.size();
            }

            @Override
            public int label(int index) {
                return fixed.label(index);
            }

            @Override
            public byte[] features(int index, int epoch) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fixed.features(index, epoch);
            }
        };
        TrainingOptions options = TrainingOptions.builder().optEpochs(EPOCHS).optBatchSize(16).optSeed(5)
                .optRunDirectory(runDir).optProgress(System.out).build();
        try (TrainedCrnn trained = CrnnTrainer.trainNew(CONFIG, slow, dev, ToyProblem.QUANT, options)) {
            AtomicFiles.writeString(result, describe(trained));
        }
    }

    /** Parameters as exact bit patterns, then the history without wall times. */
    static String describe(TrainedCrnn trained) {
        StringBuilder text = new StringBuilder();
        for (Pair<String, Parameter> p : trained.model().getBlock().getParameters()) {
            text.append(p.getKey());
            for (float v : p.getValue().getArray().toFloatArray()) {
                text.append(' ').append(Integer.toHexString(Float.floatToRawIntBits(v)));
            }
            text.append('\n');
        }
        for (EpochStats s : trained.result().history()) {
            text.append(String.format(Locale.ROOT, "epoch %d %s %s %s %s%n", s.epoch(),
                    Double.doubleToRawLongBits(s.trainLoss()), Double.doubleToRawLongBits(s.devLoss()),
                    Double.doubleToRawLongBits(s.devAccuracy()), Double.doubleToRawLongBits(s.devAuFaFr())));
        }
        text.append("best ").append(trained.result().bestEpoch()).append('\n');
        return text.toString();
    }
}
