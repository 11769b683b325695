package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.sim.glue.FcCall;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.testing.Fast;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's last-step pooling: the classifier reads exactly the last GRU step, traced as "context". */
@Fast
class LastStepSimulationTest {
    @Test
    void contextIsTheLastStepOfTheGruOutputAndFeedsTheClassifier() {
        QuantizedModel model = RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), 8, Rounding.DOUBLE);
        assertEquals(List.of("gru1", "gru2", "context", "logits", "probs"),
                model.tracedTensors().stream().skip(1).map(Layer.TracedTensor::name).toList());
        DenseLayer logits = (DenseLayer) model.layers().get(4);
        for (byte[] clip : RandomModels.features(model, 4, 5)) {
            Trace trace = new NetworkSimulator(model).run(clip);
            byte[] gru2 = trace.get("gru2");
            byte[] context = trace.get("context");
            assertArrayEquals(Arrays.copyOfRange(gru2, 6 * 8, 7 * 8), context);
            byte[] expected = new byte[2];
            FcCall.fullyConnected(Rounding.DOUBLE, logits.fc(), 1, context, expected);
            assertArrayEquals(expected, trace.get("logits"), "the classifier consumes the traced context");
        }
    }

    @Test
    void aSequenceOfTheWrongLengthIsRejected() {
        ModelInfo info = new ModelInfo("m", "sheila", List.of("other", "sheila"), 1, 6,
                new TensorQuant(0.125f, 0), "hark-logmel-v1", "test");
        FullyConnected fc = new FullyConnected(2, 2, new byte[] {1, 2, 3, 4}, new int[2], 0, 0, 1 << 30, 0, -128,
                127);
        QuantizedModel model = new QuantizedModel(info, Rounding.DOUBLE, List.of(
                new LastStepLayer("context", 4, 2), new DenseLayer("logits", fc, new TensorQuant(0.5f, 0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkSimulator(model));
        assertEquals("layer context: expects 8 input values but the previous layer produces 6", e.getMessage());
    }

    @Test
    void aLastStepLayerNeedsAStep() {
        assertThrows(IllegalArgumentException.class, () -> new LastStepLayer("context", 0, 8));
    }
}
