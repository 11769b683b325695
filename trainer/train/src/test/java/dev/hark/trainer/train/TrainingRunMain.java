package dev.hark.trainer.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.testing.KillableRun;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.distill.Distiller;
import dev.hark.trainer.model.CrnnConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small real training run for {@link KillAndResumeTest}, started in a child JVM. {@code args[0]} is the kind of run:
 * {@code train} trains the toy problem's network; {@code distill} first trains a larger teacher on it (no
 * checkpoints: the same seed gives the same teacher in every JVM) and then distils a smaller student from it. Either
 * run keeps its checkpoints in {@code args[1]} (resuming whatever is there) and, when done, writes the final
 * parameters' bit patterns and the history (without wall times) to {@code args[2]}. Progress goes to stderr.
 *
 * <p>With {@code args[3]} and {@code args[4]}, an epoch (1-based) and a batch count, the run stops inside that epoch
 * once that many of its batches are trained, announcing {@link #stopLine} and waiting for the parent's kill
 * ({@link KillableRun#stopHere}). The stop sits in the reading of the next batch's first clip, which DJL does on the
 * training thread just before that batch (no prefetching without an executor), so the process is always killed at
 * the same point of the run.
 */
public final class TrainingRunMain {
    static final CrnnConfig CONFIG = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1).build();
    /** The teacher of a distillation run: the toy problem's input and classes, more channels and units. */
    static final CrnnConfig TEACHER = CrnnConfig.builder().optConvChannels(4).optGruHidden(12).optGruLayers(1)
            .build();
    static final int TEACHER_EPOCHS = 3;
    static final int EPOCHS = 6;
    static final int BATCH_SIZE = 16;
    static final int CLIPS = 128;

    private TrainingRunMain() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        Path runDir = Path.of(args[1]);
        Path result = Path.of(args[2]);
        List<Example> train = ToyProblem.clips(CONFIG, CLIPS, 0.4, 21);
        List<Example> dev = ToyProblem.clips(CONFIG, 48, 0.4, 22);
        TrainingFeatures features = TrainingFeatures.of(train);
        if (args.length > 3) {
            features = stoppingInside(features, Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
        TrainingOptions options = options(EPOCHS).optRunDirectory(runDir).build();
        switch (kind) {
            case "train" -> {
                try (TrainedCrnn trained = CrnnTrainer.trainNew(CONFIG, features, dev, ToyProblem.QUANT, options)) {
                    AtomicFiles.writeString(result, describe(trained));
                }
            }
            case "distill" -> {
                try (TrainedCrnn teacher = CrnnTrainer.trainNew(TEACHER, train, dev, ToyProblem.QUANT,
                        options(TEACHER_EPOCHS).build());
                     TrainedCrnn student = Distiller.distill(teacher.model(), CONFIG, features, dev,
                             ToyProblem.QUANT, options, DistillationOptions.defaults())) {
                    AtomicFiles.writeString(result, describe(student));
                }
            }
            default -> throw new IllegalArgumentException("unknown kind of run: " + kind);
        }
    }

    private static TrainingOptions.Builder options(int epochs) {
        return TrainingOptions.builder().optEpochs(epochs).optBatchSize(BATCH_SIZE).optSeed(5)
                .optProgress(System.err);
    }

    /** The line a run prints on stdout when it has stopped inside {@code epoch} after {@code batches} batches. */
    static String stopLine(int epoch, int batches) {
        return "stopped in epoch " + epoch + " after " + batches + " batches";
    }

    /**
     * {@code features}, except that reading the first clip of batch {@code batches + 1} of {@code epoch} (1-based)
     * announces the stop and then blocks for good.
     */
    private static TrainingFeatures stoppingInside(TrainingFeatures features, int epoch, int batches) {
        AtomicInteger readsInThatEpoch = new AtomicInteger();
        return new TrainingFeatures() {
            @Override
            public int size() {
                return features.size();
            }

            @Override
            public int label(int index) {
                return features.label(index);
            }

            @Override
            public byte[] features(int index, int epochIndex) {
                if (epochIndex == epoch - 1 && readsInThatEpoch.getAndIncrement() == batches * BATCH_SIZE) {
                    KillableRun.stopHere(stopLine(epoch, batches));
                }
                return features.features(index, epochIndex);
            }
        };
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
