package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.loss.Loss;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import org.junit.jupiter.api.Test;

/** Drives the keeper through two fake epochs, the first better, and checks what the model ends up holding. */
@Fast
class BestEpochKeeperTest {
    private static final CrnnConfig CONFIG = CrnnConfig.builder().optGruHidden(4).optConvChannels(1).build();

    @Test
    void restoresTheBestEpochsParametersWhenTrainingEnds() {
        try (Model model = CrnnModels.newModel(CONFIG, 1)) {
            Loss loss = Loss.softmaxCrossEntropyLoss();
            EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
            BestEpochKeeper keeper = new BestEpochKeeper(evaluations, loss.getName());
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).addEvaluator(new Accuracy())
                    .addEvaluator(new AuFaFrEvaluator()).addTrainingListeners(evaluations, keeper);
            NDArray fcBias = model.getBlock().getParameters().get("04fc_bias").getArray();
            Trainer trainer = model.newTrainer(config);
            trainer.initialize(new Shape(1, CONFIG.frames(), CONFIG.mels()));

            fcBias.set(new float[] {1f, 2f});
            epoch(trainer, new float[] {2f, 0f, 0f, 2f, 1f, 0f, 0f, 1f}); // perfect ranking
            fcBias.set(new float[] {3f, 4f});
            epoch(trainer, new float[] {0f, 2f, 2f, 0f, 0f, 1f, 1f, 0f}); // inverted ranking
            assertEquals(1, keeper.bestEpoch());
            assertEquals(0.0, keeper.history().get(0).devAuFaFr(), 1e-9);
            assertEquals(1.0, keeper.history().get(1).devAuFaFr(), 1e-9);
            assertEquals(1.0, keeper.history().get(0).devAccuracy(), 1e-6);

            trainer.close(); // onTrainingEnd
            assertArrayEquals(new float[] {1f, 2f}, fcBias.toFloatArray());
        }
    }

    /** One epoch whose train and dev predictions are the given logits for labels 0, 1, 0, 1. */
    private static void epoch(Trainer trainer, float[] logits) {
        NDManager m = trainer.getManager();
        NDList labels = new NDList(m.create(new long[] {0, 1, 0, 1}));
        NDList predictions = new NDList(m.create(logits, new Shape(4, 2)));
        for (Evaluator e : trainer.getEvaluators()) {
            e.updateAccumulator(EvaluatorTrainingListener.TRAIN_EPOCH, labels, predictions);
            e.updateAccumulator(EvaluatorTrainingListener.VALIDATE_EPOCH, labels, predictions);
        }
        trainer.notifyListeners(listener -> listener.onEpoch(trainer));
    }
}
