package dev.hark.trainer.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.hark.sim.model.FixedGrids;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.sim.net.Trace;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatCrnn;
import dev.hark.trainer.model.InputFeatures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: how closely a quantized CRNN follows its float reference on held-out clips, and that it survives
 * its model file.
 *
 * @param worstTensorError     the largest |float - int8 / 128| over the compared tensor's values
 * @param meanProbabilityError the mean |float - int8| keyword probability
 */
record FloatTracking(double worstTensorError, double meanProbabilityError) {

    /**
     * @param tensor a tensor both networks name alike, on the int8 grid of step 1/128 (a GRU output), or null to
     *               compare only the probabilities
     */
    static FloatTracking measure(CrnnWeights weights, QuantizedModel model, TensorQuant input, List<byte[]> clips,
                                 String tensor) {
        FloatCrnn floatNet = new FloatCrnn(weights);
        NetworkSimulator int8Net = new NetworkSimulator(model);
        double worst = 0;
        double sumProb = 0;
        for (byte[] clip : clips) {
            Map<String, float[]> floats = new HashMap<>();
            float[] logits = floatNet.forward(InputFeatures.dequantize(clip, input), floats::put);
            Trace trace = int8Net.run(clip);
            if (tensor != null) {
                float[] f = floats.get(tensor);
                byte[] q = trace.get(tensor);
                for (int i = 0; i < f.length; i++) {
                    worst = Math.max(worst, Math.abs(f[i] - q[i] / 128.0));
                }
            }
            double pFloat = FloatCrnn.softmax(logits)[1];
            sumProb += Math.abs(pFloat - FixedGrids.PROBABILITY.dequantize(trace.output()[1]));
        }
        return new FloatTracking(worst, sumProb / clips.size());
    }

    /** Writes {@code model} to {@code file}, reads it back and checks that the copy traces {@code clip} alike. */
    static void assertSurvivesItsFile(QuantizedModel model, Path file, byte[] clip) throws IOException {
        ModelFile.write(model, file);
        QuantizedModel back = ModelFile.read(file);
        Trace a = new NetworkSimulator(model).run(clip);
        Trace b = new NetworkSimulator(back).run(clip);
        for (int i = 0; i < a.values().size(); i++) {
            assertArrayEquals(a.values().get(i), b.values().get(i), a.tensors().get(i).name());
        }
    }
}
