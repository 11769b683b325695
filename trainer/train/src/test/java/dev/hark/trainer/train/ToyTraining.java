package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.hark.testing.ChanceLevels;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How the tests of the training variants (distillation, pruning) train on the {@link ToyProblem}: a network trained
 * from scratch to learn from, the options of every run, and the checks that a run learned and resumes.
 */
public final class ToyTraining {
    private ToyTraining() {
    }

    /** A network of {@code config} trained from scratch on the toy clips: what a variant starts from. */
    public static TrainedCrnn trainNew(CrnnConfig config, List<Example> train, List<Example> dev, int epochs,
                                       long seed) {
        return CrnnTrainer.trainNew(config, train, dev, ToyProblem.QUANT, options(epochs, seed, null));
    }

    /** Batches of 32, no progress printed; checkpoints in {@code runDir} when it is not null. */
    public static TrainingOptions options(int epochs, long seed, Path runDir) {
        return TrainingOptions.builder().optEpochs(epochs).optBatchSize(32).optSeed(seed).optProgress(null)
                .optRunDirectory(runDir).build();
    }

    /** Every parameter of the model's CRNN, in block order. */
    public static List<float[]> parameters(Model model) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : CrnnModels.block(model).getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    /** The network learned the toy problem: its best dev figures are out of guessing's reach. */
    public static void assertBeyondChance(String what, List<Example> dev, EpochStats best) {
        int keywords = (int) dev.stream().filter(e -> e.label() == 1).count();
        int others = dev.size() - keywords;
        assertTrue(best.devAccuracy() > ChanceLevels.accuracy(keywords, others), what + " dev accuracy "
                + best.devAccuracy() + ", guessing stays below " + ChanceLevels.accuracy(keywords, others));
        assertTrue(best.devAuFaFr() < ChanceLevels.auFaFr(keywords, others), what + " dev au_fa_fr "
                + best.devAuFaFr() + ", guessing stays above " + ChanceLevels.auFaFr(keywords, others));
    }

    /**
     * A run of {@code epochs} in {@code run}, then the same run again after its last checkpoint is deleted: the
     * second resumes from the one before and ends with the same parameters.
     */
    public static void assertResumesWithoutItsLastCheckpoint(RunDirectory run, int epochs,
                                                             Supplier<TrainedCrnn> training) throws IOException {
        List<float[]> straight;
        try (TrainedCrnn t = training.get()) {
            straight = parameters(t.model());
        }
        Files.delete(run.checkpoint(epochs));
        try (TrainedCrnn t = training.get()) {
            List<float[]> resumed = parameters(t.model());
            for (int i = 0; i < straight.size(); i++) {
                assertArrayEquals(straight.get(i), resumed.get(i), "parameter " + i);
            }
        }
    }
}
