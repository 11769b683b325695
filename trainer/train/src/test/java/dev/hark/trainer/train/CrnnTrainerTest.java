package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.hark.testing.Slow;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import dev.hark.trainer.model.InputFeatures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

@Slow
class CrnnTrainerTest {
    private static final CrnnConfig TINY = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();
    private static final CrnnConfig SMALL = CrnnConfig.builder().optConvChannels(4).optGruHidden(16)
            .optGruLayers(1).build();

    @Test
    void learnsTheToyProblemBeyondChance() {
        List<Example> train = ToyProblem.clips(SMALL, 960, 0.5, 1);
        List<Example> dev = ToyProblem.clips(SMALL, 160, 0.5, 2);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainingResult result;
        try (TrainedCrnn trained = CrnnTrainer.trainNew(SMALL, train, dev, ToyProblem.QUANT, TrainingOptions.builder()
                .optEpochs(3).optBatchSize(32).optSeed(4)
                .optProgress(new PrintStream(log, true, StandardCharsets.UTF_8)).build())) {
            result = trained.result();
            assertTrue(trained.config().standardizesInput(), "trainNew measures the input statistics");
            // The model holds the best epoch's parameters: its dev accuracy is the reported one.
            assertEquals(result.best().devAccuracy(), accuracy(trained.model(), trained.config(), dev), 1e-6);
        }
        assertEquals(3, result.history().size());
        EpochStats best = result.best();
        ToyTraining.assertBeyondChance("the trained network's", dev, best);
        for (EpochStats s : result.history()) {
            assertFalse(s.betterThan(best), "epoch " + s.epoch() + " beats the kept epoch");
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("epoch 3/3"), printed);
        assertTrue(printed.contains("dev au_fa_fr"), printed);
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        List<Example> train = ToyProblem.clips(TINY, 96, 0.3, 5);
        List<Example> dev = ToyProblem.clips(TINY, 48, 0.3, 6);
        TrainingOptions options = TrainingOptions.builder().optEpochs(2).optBatchSize(16).optSeed(9)
                .optBalanceClasses(true).optProgress(null).build();
        float[][] weights = new float[2][];
        TrainingResult[] results = new TrainingResult[2];
        for (int run = 0; run < 2; run++) {
            try (Model model = CrnnModels.newModel(TINY, 7)) {
                results[run] = CrnnTrainer.train(model, train, dev, ToyProblem.QUANT, options);
                weights[run] = CrnnBlockWeights.read(model, TINY).get("gru1.w_hh_n");
            }
        }
        assertArrayEquals(weights[0], weights[1]);
        assertEquals(results[0].history().get(1).trainLoss(), results[1].history().get(1).trainLoss());
    }

    @Test
    void rejectsClipsThatDoNotFitTheModel() {
        List<Example> wrong = List.of(new Example(new byte[10], 0), new Example(new byte[10], 1));
        try (Model model = CrnnModels.newModel(TINY, 1)) {
            assertThrows(IllegalArgumentException.class, () -> CrnnTrainer.train(model, wrong, wrong,
                    ToyProblem.QUANT, TrainingOptions.builder().optProgress(null).build()));
            assertThrows(IllegalArgumentException.class, () -> CrnnTrainer.train(model, List.of(), wrong,
                    ToyProblem.QUANT, TrainingOptions.builder().optProgress(null).build()));
        }
    }

    /** Dev accuracy recomputed outside DJL's training loop, through the float reference. */
    private static double accuracy(Model model, CrnnConfig config, List<Example> dev) {
        FloatCrnn reference = new FloatCrnn(CrnnBlockWeights.read(model, config));
        int correct = 0;
        for (Example e : dev) {
            float[] logits = reference.forward(InputFeatures.dequantize(e.features(), ToyProblem.QUANT));
            int predicted = logits[1] > logits[0] ? 1 : 0;
            correct += predicted == e.label() ? 1 : 0;
        }
        return (double) correct / dev.size();
    }
}
