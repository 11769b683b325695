package dev.hark.trainer.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Slow;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.train.EpochStats;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.RunDirectory;
import dev.hark.trainer.train.ToyProblem;
import dev.hark.trainer.train.ToyTraining;
import dev.hark.trainer.train.TrainedCrnn;
import dev.hark.trainer.train.TrainingFeatures;
import dev.hark.trainer.train.TrainingOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pruning a trained CRNN gives the smaller shape, fine-tunes it to beyond chance, and resumes like training. */
@Slow
class PrunerTest {
    private static final TensorQuant QUANT = ToyProblem.QUANT;
    private static final long SEED = 5;
    private static final CrnnConfig SOURCE = CrnnConfig.builder().optConvChannels(4).optGruHidden(12).build();
    private static final List<Example> TRAIN = ToyProblem.clips(SOURCE, 480, 0.5, 1);
    private static final List<Example> DEV = ToyProblem.clips(SOURCE, 120, 0.5, 2);
    private static final PruningOptions HALF = PruningOptions.of(PruningAmount.uniform(0.5),
            PruningCriterion.WEIGHT_L1);
    private static TrainedCrnn source;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainSource() {
        source = ToyTraining.trainNew(SOURCE, TRAIN, DEV, 3, SEED);
    }

    @AfterAll
    static void closeSource() {
        source.close();
    }

    @Test
    void theSmallerNetworkLearnsAndTheSourceStaysUntouched() {
        List<float[]> before = parameters(source.model());
        for (Optional<DistillationOptions> loss : List.of(Optional.<DistillationOptions>empty(),
                Optional.of(DistillationOptions.defaults()))) {
            try (TrainedCrnn pruned = Pruner.pruneAndFineTune(source.model(), HALF, TrainingFeatures.of(TRAIN), DEV,
                    QUANT, options(2, null), loss)) {
                assertEquals(source.config().toBuilder().optConvChannels(2).optGruHidden(6).build(),
                        pruned.config());
                assertBeyondChance(loss.isPresent() ? "distilled" : "labels", pruned.result().best());
            }
        }
        List<float[]> after = parameters(source.model());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "source parameter " + i + " changed");
        }
    }

    @Test
    void aPruningRunResumesFromItsCheckpointAndRefusesAnotherCriterion() throws IOException {
        RunDirectory run = new RunDirectory(dir.resolve("pruned"));
        ToyTraining.assertResumesWithoutItsLastCheckpoint(run, 2, () -> Pruner.pruneAndFineTune(source.model(), HALF,
                TrainingFeatures.of(TRAIN), DEV, QUANT, options(2, run.root()), Optional.empty()));
        PruningOptions byActivations = PruningOptions.of(HALF.amount(), PruningCriterion.ACTIVATION_L1);
        assertThrows(UncheckedIOException.class, () -> Pruner.pruneAndFineTune(source.model(), byActivations,
                TrainingFeatures.of(TRAIN), DEV, QUANT, options(2, run.root()), Optional.empty()).close());
    }

    private static TrainingOptions options(int epochs, Path runDir) {
        return ToyTraining.options(epochs, SEED, runDir);
    }

    private static List<float[]> parameters(Model model) {
        return ToyTraining.parameters(model);
    }

    private static void assertBeyondChance(String what, EpochStats best) {
        ToyTraining.assertBeyondChance(what, DEV, best);
    }
}
