package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.CrnnModels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Fast
class ResumableAdamTest {
    private static final CrnnConfig TINY = CrnnConfig.builder().optConvChannels(2).optGruHidden(8).optGruLayers(1)
            .build();
    private static final Tracker LR = Tracker.cosine().setBaseValue(3e-3f).optFinalValue(1e-4f).setMaxUpdates(10)
            .build();

    @Test
    void updatesExactlyLikeDjlsAdam() {
        try (Model ours = CrnnModels.newModel(TINY, 3); Model djl = CrnnModels.newModel(TINY, 3)) {
            ResumableAdam resumable = new ResumableAdam(ours.getBlock(), LR);
            Optimizer reference = Optimizer.adam().optLearningRateTracker(LR).build();
            float[] before = ours.getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
            for (int step = 0; step < 5; step++) {
                applyGradients(resumable, ours, step);
                applyGradients(reference, djl, step);
            }
            assertParametersEqual(ours, djl);
            float[] after = ours.getBlock().getParameters().get(0).getValue().getArray().toFloatArray();
            assertFalse(java.util.Arrays.equals(before, after), "the updates moved the parameters");
        }
    }

    @Test
    void aRestoredStateContinuesBitForBit() {
        try (Model straight = CrnnModels.newModel(TINY, 3); Model resumed = CrnnModels.newModel(TINY, 3)) {
            ResumableAdam a = new ResumableAdam(straight.getBlock(), LR);
            for (int step = 0; step < 6; step++) {
                applyGradients(a, straight, step);
            }
            ResumableAdam first = new ResumableAdam(resumed.getBlock(), LR);
            for (int step = 0; step < 3; step++) {
                applyGradients(first, resumed, step);
            }
            AdamState saved = first.state();
            assertEquals(3, saved.numUpdate());
            ResumableAdam second = new ResumableAdam(resumed.getBlock(), LR); // a new process, a new optimizer
            second.restore(saved);
            for (int step = 3; step < 6; step++) {
                applyGradients(second, resumed, step);
            }
            assertParametersEqual(straight, resumed);
            assertEquals(a.state().numUpdate(), second.state().numUpdate());
        }
    }

    @Test
    void rejectsTheStateOfAnotherModel() {
        try (Model model = CrnnModels.newModel(TINY, 3)) {
            ResumableAdam adam = new ResumableAdam(model.getBlock(), LR);
            Map<String, AdamState.Moments> m = new LinkedHashMap<>();
            m.put("no_such_parameter", new AdamState.Moments(1, new float[1], new float[1]));
            assertThrows(IllegalArgumentException.class, () -> adam.restore(new AdamState(1, m)));
        }
    }

    /** A pseudo-gradient that depends on the step and the parameter, the same for both models. */
    private static void applyGradients(Optimizer optimizer, Model model, int step) {
        int k = 0;
        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
            var weight = p.getValue().getArray();
            Random random = new Random(step * 1000L + k++);
            float[] g = new float[Math.toIntExact(weight.size())];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) random.nextGaussian();
            }
            try (var grad = weight.getManager().create(g, weight.getShape())) {
                optimizer.update(p.getValue().getId(), weight, grad);
            }
        }
    }

    private static void assertParametersEqual(Model a, Model b) {
        var pa = a.getBlock().getParameters();
        var pb = b.getBlock().getParameters();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).getValue().getArray().toFloatArray(),
                    pb.get(i).getValue().getArray().toFloatArray(), pa.get(i).getKey());
        }
    }
}
