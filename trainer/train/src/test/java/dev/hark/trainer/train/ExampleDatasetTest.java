package dev.hark.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Record;
import dev.hark.sim.model.TensorQuant;
import dev.hark.testing.Fast;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class ExampleDatasetTest {
    private static final CrnnConfig CONFIG = CrnnConfig.builder().optFrames(20).optMels(5).build();
    private static final TensorQuant QUANT = new TensorQuant(0.5f, -100);

    @Test
    void recordsHoldDequantizedFeaturesAndTheLabel() {
        byte[] codes = new byte[100];
        codes[7] = -98; // (-98 + 100) * 0.5 = 1
        codes[99] = 127;
        ExampleDataset ds = ExampleDataset.builder().setExamples(List.of(new Example(codes, 1)))
                .setConfig(CONFIG).setInputQuant(QUANT).setSampling(1, false).build();
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Record r = ds.get(m, 0);
            assertEquals(new Shape(20, 5), r.getData().head().getShape());
            float[] x = r.getData().head().toFloatArray();
            assertEquals(1f, x[7]);
            assertEquals(113.5f, x[99]);
            assertEquals(50f, x[0]);
            assertEquals(1L, r.getLabels().head().getLong());
        }
    }

    @Test
    void batchesStackClipsInSamplerOrder() throws Exception {
        List<Example> clips = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] codes = new byte[100];
            codes[0] = (byte) (i - 100);
            clips.add(new Example(codes, i % 2));
        }
        ExampleDataset ds = ExampleDataset.builder().setExamples(clips).setConfig(CONFIG).setInputQuant(QUANT)
                .setSampling(new BatchSampler(new SeededShuffleSampler(3), 2, false)).build();
        List<Float> seen = new ArrayList<>();
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            for (Batch batch : ds.getData(m)) {
                assertEquals(batch.getSize(), batch.getLabels().head().getShape().get(0));
                float[] x = batch.getData().head().toFloatArray();
                for (int b = 0; b < batch.getSize(); b++) {
                    seen.add(x[b * 100]);
                }
                batch.close();
            }
        }
        seen.sort(null);
        assertEquals(List.of(0f, 0.5f, 1f, 1.5f, 2f), seen, "every clip once per epoch");
    }

    @Test
    void rejectsClipsOfTheWrongSizeOrLabel() {
        assertThrows(IllegalArgumentException.class, () -> ExampleDataset.builder()
                .setExamples(List.of(new Example(new byte[99], 0))).setConfig(CONFIG).setInputQuant(QUANT)
                .setSampling(1, false).build());
        assertThrows(IllegalArgumentException.class, () -> ExampleDataset.builder()
                .setExamples(List.of(new Example(new byte[100], 2))).setConfig(CONFIG).setInputQuant(QUANT)
                .setSampling(1, false).build());
        assertThrows(IllegalArgumentException.class, () -> ExampleDataset.builder()
                .setExamples(List.of()).setConfig(CONFIG).setSampling(1, false).build());
    }

    @Test
    void theSameSeedShufflesTheSameWayEveryEpochDifferently() {
        ExampleDataset ds = ExampleDataset.builder().setExamples(nClips(50)).setConfig(CONFIG)
                .setInputQuant(QUANT).setSampling(1, false).build();
        SeededShuffleSampler a = new SeededShuffleSampler(11);
        SeededShuffleSampler b = new SeededShuffleSampler(11);
        long[] a1 = order(a, ds);
        long[] a2 = order(a, ds);
        assertArrayEquals(a1, order(b, ds));
        assertArrayEquals(a2, order(b, ds));
        assertFalse(java.util.Arrays.equals(a1, a2), "the second epoch is shuffled anew");
        long[] sorted = a1.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(java.util.stream.LongStream.range(0, 50).toArray(), sorted);
    }

    private static long[] order(SeededShuffleSampler sampler, ExampleDataset ds) {
        List<Long> out = new ArrayList<>();
        sampler.sample(ds).forEachRemaining(out::add);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static List<Example> nClips(int n) {
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Example(new byte[100], 0));
        }
        return out;
    }
}
