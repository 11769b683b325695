package dev.hark.trainer.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.util.Progress;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.InputFeatures;
import java.util.List;

/**
 * In-memory clips as a DJL dataset. Record {@code i}: data {@code [frames][mels]} float32, the dequantized
 * features {@code (q - zeroPoint) * scale}; label a scalar int64 class index. Batches stack them to
 * {@code [batch][frames][mels]} and {@code [batch]}.
 *
 * <p>Build with {@link #builder()}: {@code setExamples}, {@code setConfig}, {@code setInputQuant} are required,
 * plus the sampling from DJL's base builder ({@code setSampling(batch, shuffle)} or a sampler, such as a
 * {@link ai.djl.training.dataset.BatchSampler} over a {@link SeededShuffleSampler}).
 */
public final class ExampleDataset extends RandomAccessDataset {
    private final List<Example> examples;
    private final CrnnConfig config;
    private final TensorQuant inputQuant;

    private ExampleDataset(Builder builder) {
        super(builder);
        examples = builder.examples;
        config = builder.config;
        inputQuant = builder.inputQuant;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The clips, in index order. */
    public List<Example> examples() {
        return examples;
    }

    @Override
    public Record get(NDManager manager, long index) {
        Example e = examples.get(Math.toIntExact(index));
        float[] x = InputFeatures.dequantize(e.features(), inputQuant);
        NDList data = new NDList(manager.create(x, new Shape(config.frames(), config.mels())));
        NDList label = new NDList(manager.create((long) e.label()));
        return new Record(data, label);
    }

    @Override
    protected long availableSize() {
        return examples.size();
    }

    /** Nothing to do: the clips are already in memory. */
    @Override
    public void prepare(Progress progress) {
    }

    /** Builds an {@link ExampleDataset}. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        private List<Example> examples;
        private CrnnConfig config;
        private TensorQuant inputQuant;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Required. The list is copied; the feature arrays are not. */
        public Builder setExamples(List<Example> examples) {
            this.examples = List.copyOf(examples);
            return this;
        }

        /** Required: gives frames, mels and the number of classes. */
        public Builder setConfig(CrnnConfig config) {
            this.config = config;
            return this;
        }

        /** Required: how the int8 feature codes map to real values. */
        public Builder setInputQuant(TensorQuant inputQuant) {
            this.inputQuant = inputQuant;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a required setting is missing, or a clip has the wrong number of
         *                                  features or a label outside {@code [0, classes)}
         */
        public ExampleDataset build() {
            if (examples == null || config == null || inputQuant == null) {
                throw new IllegalArgumentException("ExampleDataset: setExamples, setConfig and setInputQuant are"
                        + " required");
            }
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (e.features().length != config.featuresPerClip()) {
                    throw new IllegalArgumentException("ExampleDataset: example " + i + " has "
                            + e.features().length + " features, expected " + config.frames() + " x "
                            + config.mels());
                }
                if (e.label() >= config.classes()) {
                    throw new IllegalArgumentException("ExampleDataset: example " + i + " has label " + e.label()
                            + ", expected 0.." + (config.classes() - 1));
                }
            }
            return new ExampleDataset(this);
        }
    }
}
