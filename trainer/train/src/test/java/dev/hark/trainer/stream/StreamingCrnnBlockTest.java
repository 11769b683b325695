package dev.hark.trainer.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.hark.testing.Fast;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.floatref.FloatStreamingCrnn;
import dev.hark.trainer.floatref.RandomCrnnWeights;
import dev.hark.trainer.model.CrnnBlockWeights;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.DjlRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The differentiable streaming network against the float reference that listens frame by frame: the same weights
 * give the same logits at every step, whether the stream goes through in one stretch or in stretches with the state
 * handed from one to the next.
 */
@Fast
class StreamingCrnnBlockTest {
    @ParameterizedTest
    @CsvSource({"true, 2, 4, 1", "true, 1, 3, 7", "false, 2, 1, 5", "true, 2, 1, 40"})
    void everyStepsLogitsEqualTheFloatStreamingNetworks(boolean attention, int layers, int window, int chunkSteps) {
        CrnnConfig config = CrnnConfig.builder().optFrames(30).optMels(12).optConvChannels(3).optKernelTime(6)
                .optKernelMel(3).optStrideTime(4).optStrideMel(2).optGruHidden(8).optGruLayers(layers)
                .optAttention(attention).optInputNormalization(0.5f, 2f).build();
        CrnnWeights weights = RandomCrnnWeights.of(config, 3);
        int steps = 37;
        StreamingCrnnBlock block = new StreamingCrnnBlock(config, window);
        int frames = block.framesFor(steps);
        float[][] features = randomFrames(2, frames, config.mels(), 11);

        DjlRuntime.engine();
        try (Model model = Model.newInstance("stream-test", ai.djl.Device.cpu(), DjlRuntime.ENGINE);
             NDManager manager = model.getNDManager().newSubManager()) {
            model.setBlock(block);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, frames, config.mels()),
                    new Shape(layers, 2, 8), new Shape(2, block.carriedSteps(), 8));
            CrnnBlockWeights.write(block.crnn(), weights);
            // What the block computes with, read back: the standardization is folded in and out again in floats.
            CrnnWeights used = CrnnBlockWeights.read(block.crnn(), config);

            float[] x = new float[2 * frames * config.mels()];
            System.arraycopy(features[0], 0, x, 0, features[0].length);
            System.arraycopy(features[1], 0, x, features[0].length, features[1].length);
            NDArray all = manager.create(x, new Shape(2, frames, config.mels()));
            ParameterStore store = new ParameterStore(manager, false);
            NDList state = block.startState(manager, 2);
            List<float[]> logits = new ArrayList<>(); // per chunk, [2][chunk][classes]
            List<Integer> chunkSizes = new ArrayList<>();
            for (int from = 0; from < steps; from += chunkSteps) {
                int to = Math.min(steps, from + chunkSteps);
                NDArray input = all.get(new NDIndex(":, {}:{}, :", from * config.strideTime(),
                        (to - 1) * config.strideTime() + config.kernelTime()));
                NDList out = block.forward(store, new NDList(input, state.get(0), state.get(1)), false);
                assertEquals(new Shape(2, to - from, config.classes()), out.get(0).getShape());
                logits.add(out.get(0).toFloatArray());
                chunkSizes.add(to - from);
                state = new NDList(out.get(1), out.get(2));
            }

            for (int lane = 0; lane < 2; lane++) {
                FloatStreamingCrnn reference = new FloatStreamingCrnn(used, window);
                List<float[]> expected = new ArrayList<>();
                for (int f = 0; f < frames; f++) {
                    reference.pushFrame(Arrays.copyOfRange(features[lane], f * config.mels(),
                            (f + 1) * config.mels())).ifPresent(expected::add);
                }
                assertEquals(steps, expected.size());
                int step = 0;
                for (int c = 0; c < logits.size(); c++) {
                    int size = chunkSizes.get(c);
                    for (int s = 0; s < size; s++, step++) {
                        int at = (lane * size + s) * config.classes();
                        float[] got = Arrays.copyOfRange(logits.get(c), at, at + config.classes());
                        assertArrayEquals(expected.get(step), got, 1e-4f, "lane " + lane + ", step " + step);
                    }
                }
            }
        }
    }

    private static float[][] randomFrames(int lanes, int frames, int mels, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[lanes][frames * mels];
        for (float[] lane : x) {
            for (int i = 0; i < lane.length; i++) {
                lane[i] = (float) random.nextGaussian() * 2f + 0.5f;
            }
        }
        return x;
    }
}
