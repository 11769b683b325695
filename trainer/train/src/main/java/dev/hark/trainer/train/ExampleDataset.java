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
 * Clips as a DJL dataset, as they look in one epoch. Record {@code i}: data {@code [frames][mels]} float32, the
 * dequantized features {@code (q - zeroPoint) * scale} of {@code features(i, epoch)}; label a scalar int64 class
 * index. Batches stack them to {@code [batch][frames][mels]} and {@code [batch]}.
 *
 * <p>Build with {@link #builder()}: the clips ({@code setExamples} for fixed in-memory clips, or
 * {@code setFeatures} for a {@link TrainingFeatures} view and an epoch), {@code setConfig} and
 * {@code setInputQuant} are required, plus the sampling from DJL's base builder ({@code setSampling(batch,
 * shuffle)} or a sampler, such as a {@link ai.djl.training.dataset.BatchSampler} over a
 * {@link SeededShuffleSampler}).
 */
public final class ExampleDataset extends RandomAccessDataset {
    private final TrainingFeatures features;
    private final int epoch;
    private final CrnnConfig config;
    private final TensorQuant inputQuant;

    private ExampleDataset(Builder builder) {
        super(builder);
        features = builder.features;
        epoch = builder.epoch;
        config = builder.config;
        inputQuant = builder.inputQuant;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws IllegalArgumentException if the clip's features do not have {@code frames * mels} values (checked
     *                                  here for {@link TrainingFeatures}, whose features may change per epoch)
     */
    @Override
    public Record get(NDManager manager, long index) {
        int i = Math.toIntExact(index);
        byte[] codes = features.features(i, epoch);
        if (codes.length != config.featuresPerClip()) {
            throw new IllegalArgumentException("ExampleDataset: clip " + i + " has " + codes.length
                    + " features in epoch " + epoch + ", expected " + config.frames() + " x " + config.mels());
        }
        float[] x = InputFeatures.dequantize(codes, inputQuant);
        NDList data = new NDList(manager.create(x, new Shape(config.frames(), config.mels())));
        NDList label = new NDList(manager.create((long) features.label(i)));
        return new Record(data, label);
    }

    @Override
    protected long availableSize() {
        return features.size();
    }

    /** Nothing to do: the clips are in memory or computed on demand. */
    @Override
    public void prepare(Progress progress) {
    }

    /** Builds an {@link ExampleDataset}. */
    public static final class Builder extends RandomAccessDataset.BaseBuilder<Builder> {
        private List<Example> examples;
        private TrainingFeatures features;
        private int epoch;
        private CrnnConfig config;
        private TensorQuant inputQuant;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** Fixed clips, the same in every epoch. The list is copied; the feature arrays are not. */
        public Builder setExamples(List<Example> examples) {
            this.examples = List.copyOf(examples);
            this.features = TrainingFeatures.of(this.examples);
            this.epoch = 0;
            return this;
        }

        /** Clips as {@code features} shows them in 0-based {@code epoch}. */
        public Builder setFeatures(TrainingFeatures features, int epoch) {
            if (epoch < 0) {
                throw new IllegalArgumentException("ExampleDataset: negative epoch " + epoch);
            }
            this.examples = null;
            this.features = features;
            this.epoch = epoch;
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
         * @throws IllegalArgumentException if a required setting is missing, a label is outside
         *                                  {@code [0, classes)}, or (for fixed clips) a clip has the wrong number
         *                                  of features
         */
        public ExampleDataset build() {
            if (features == null || config == null || inputQuant == null) {
                throw new IllegalArgumentException("ExampleDataset: setExamples or setFeatures, setConfig and"
                        + " setInputQuant are required");
            }
            for (int i = 0; i < features.size(); i++) {
                int label = features.label(i);
                if (label < 0 || label >= config.classes()) {
                    throw new IllegalArgumentException("ExampleDataset: example " + i + " has label " + label
                            + ", expected 0.." + (config.classes() - 1));
                }
            }
            if (examples != null) {
                for (int i = 0; i < examples.size(); i++) {
                    if (examples.get(i).features().length != config.featuresPerClip()) {
                        throw new IllegalArgumentException("ExampleDataset: example " + i + " has "
                                + examples.get(i).features().length + " features, expected " + config.frames()
                                + " x " + config.mels());
                    }
                }
            }
            return new ExampleDataset(this);
        }
    }
}
