package dev.hark.trainer.model;

import dev.hark.sim.Checks;
import java.util.Properties;

/**
 * The shape of the keyword-spotting CRNN: conv -> GRU stack -> attention (or last step) -> linear.
 *
 * <p>Input is one clip of {@code frames x mels} features, row-major {@code [frame][mel]}. The convolution has a
 * single input channel, kernel {@code kernelTime x kernelMel}, stride {@code strideTime x strideMel}, no padding,
 * so it yields {@link #convSteps()} time steps and {@link #convMelPositions()} mel positions per channel. Those
 * are flattened per step, mel-major and channel fastest ({@code f * convChannels + c}), into
 * {@link #gruInputSize()} GRU inputs.
 *
 * <p>{@code inputMean} and {@code inputStd} standardize the features for training only: the DJL block convolves
 * {@code (x - inputMean) / inputStd}, which keeps Adam's steps on the convolution weights in proportion (raw
 * features sit around 14 +- 5, and unscaled they make training fragile). The standardization is affine and the
 * convolution has no padding, so {@code CrnnWeights} folds it into the convolution's weights and bias, and the
 * exported network consumes raw dequantized features exactly as specified above. Defaults 0 and 1 (none).
 *
 * <p>Build with {@link #builder()}; every field has the default of the baseline model (70,443 parameters), so
 * builder methods are all {@code optX}. The constructor rejects shapes that leave the convolution without a
 * single output position.
 *
 * @param frames       feature frames per clip (T), 101 for 1 s at a 10 ms hop
 * @param mels         mel bins per frame
 * @param convChannels convolution output channels (C)
 * @param kernelTime   convolution kernel extent along time, in frames
 * @param kernelMel    convolution kernel extent along mel, in bins
 * @param strideTime   convolution stride along time
 * @param strideMel    convolution stride along mel
 * @param gruHidden    GRU hidden size (H), the same for every layer
 * @param gruLayers    stacked GRU layers (L)
 * @param attention    true: attention pooling over the GRU outputs; false: the last step's output
 * @param classes      output classes; class 1 is the keyword
 * @param inputMean    subtracted from every feature before the convolution (training-time standardization)
 * @param inputStd     divides every centered feature before the convolution; positive
 */
public record CrnnConfig(int frames, int mels, int convChannels, int kernelTime, int kernelMel, int strideTime,
                         int strideMel, int gruHidden, int gruLayers, boolean attention, int classes,
                         float inputMean, float inputStd) {

    public CrnnConfig {
        Checks.positive("CRNN config: frames", frames);
        Checks.positive("CRNN config: mels", mels);
        Checks.positive("CRNN config: convChannels", convChannels);
        Checks.positive("CRNN config: kernelTime", kernelTime);
        Checks.positive("CRNN config: kernelMel", kernelMel);
        Checks.positive("CRNN config: strideTime", strideTime);
        Checks.positive("CRNN config: strideMel", strideMel);
        Checks.positive("CRNN config: gruHidden", gruHidden);
        Checks.positive("CRNN config: gruLayers", gruLayers);
        if (classes < 2) {
            throw new IllegalArgumentException("CRNN config: classes must be at least 2, got " + classes);
        }
        if (!Float.isFinite(inputMean) || !(inputStd > 0) || !Float.isFinite(inputStd)) {
            throw new IllegalArgumentException("CRNN config: input mean " + inputMean + " must be finite and input"
                    + " std " + inputStd + " positive");
        }
        if (kernelTime > frames || kernelMel > mels) {
            throw new IllegalArgumentException("CRNN config: kernel " + kernelTime + "x" + kernelMel
                    + " does not fit the input " + frames + "x" + mels);
        }
    }

    /** The baseline configuration (70,443 parameters). */
    public static CrnnConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Time steps after the convolution (T' = (T - kernelTime) / strideTime + 1). */
    public int convSteps() {
        return (frames - kernelTime) / strideTime + 1;
    }

    /** Mel positions after the convolution (F' = (mels - kernelMel) / strideMel + 1). */
    public int convMelPositions() {
        return (mels - kernelMel) / strideMel + 1;
    }

    /** GRU input width per step: F' * C. */
    public int gruInputSize() {
        return convMelPositions() * convChannels;
    }

    /** Features per clip: T * mels. */
    public int featuresPerClip() {
        return frames * mels;
    }

    /** Whether the block standardizes its input (mean not 0 or std not 1). */
    public boolean standardizesInput() {
        return inputMean != 0f || inputStd != 1f;
    }

    /** The number of trainable parameters, derived from the shapes alone. */
    public long parameterCount() {
        long conv = (long) convChannels * kernelTime * kernelMel + convChannels;
        long gru = 0;
        for (int layer = 0; layer < gruLayers; layer++) {
            int in = layer == 0 ? gruInputSize() : gruHidden;
            gru += 3L * gruHidden * in + 3L * gruHidden * gruHidden + 6L * gruHidden;
        }
        long att = attention ? (long) gruHidden * gruHidden + gruHidden + gruHidden + 1 : 0;
        long fc = (long) classes * gruHidden + classes;
        return conv + gru + att + fc;
    }

    /** The configuration as {@code crnn.<field>} properties, read back by {@link #fromProperties}. */
    public Properties toProperties() {
        Properties p = new Properties();
        RecordValues.of(this).forEach((name, value) -> p.setProperty("crnn." + name, value));
        return p;
    }

    /**
     * Reads a configuration written by {@link #toProperties}.
     *
     * @param source names the properties' origin (a file) in error messages
     * @throws IllegalArgumentException if a key is missing or not a number
     */
    public static CrnnConfig fromProperties(Properties p, String source) {
        PropertyReader r = new PropertyReader(p, source);
        return new CrnnConfig(r.integer("crnn.frames"), r.integer("crnn.mels"), r.integer("crnn.convChannels"),
                r.integer("crnn.kernelTime"), r.integer("crnn.kernelMel"), r.integer("crnn.strideTime"),
                r.integer("crnn.strideMel"), r.integer("crnn.gruHidden"), r.integer("crnn.gruLayers"),
                r.bool("crnn.attention"), r.integer("crnn.classes"), r.real("crnn.inputMean"),
                r.real("crnn.inputStd"));
    }

    /** Builds a {@link CrnnConfig}; every setting is optional and defaults to the baseline model. */
    public static final class Builder {
        private int frames = 101;
        private int mels = 40;
        private int convChannels = 8;
        private int kernelTime = 20;
        private int kernelMel = 5;
        private int strideTime = 8;
        private int strideMel = 2;
        private int gruHidden = 64;
        private int gruLayers = 2;
        private boolean attention = true;
        private int classes = 2;
        private float inputMean = 0f;
        private float inputStd = 1f;

        private Builder() {
        }

        private Builder(CrnnConfig c) {
            frames = c.frames;
            mels = c.mels;
            convChannels = c.convChannels;
            kernelTime = c.kernelTime;
            kernelMel = c.kernelMel;
            strideTime = c.strideTime;
            strideMel = c.strideMel;
            gruHidden = c.gruHidden;
            gruLayers = c.gruLayers;
            attention = c.attention;
            classes = c.classes;
            inputMean = c.inputMean;
            inputStd = c.inputStd;
        }

        public Builder optFrames(int frames) {
            this.frames = frames;
            return this;
        }

        public Builder optMels(int mels) {
            this.mels = mels;
            return this;
        }

        public Builder optConvChannels(int convChannels) {
            this.convChannels = convChannels;
            return this;
        }

        public Builder optKernelTime(int kernelTime) {
            this.kernelTime = kernelTime;
            return this;
        }

        public Builder optKernelMel(int kernelMel) {
            this.kernelMel = kernelMel;
            return this;
        }

        public Builder optStrideTime(int strideTime) {
            this.strideTime = strideTime;
            return this;
        }

        public Builder optStrideMel(int strideMel) {
            this.strideMel = strideMel;
            return this;
        }

        public Builder optGruHidden(int gruHidden) {
            this.gruHidden = gruHidden;
            return this;
        }

        public Builder optGruLayers(int gruLayers) {
            this.gruLayers = gruLayers;
            return this;
        }

        public Builder optAttention(boolean attention) {
            this.attention = attention;
            return this;
        }

        public Builder optClasses(int classes) {
            this.classes = classes;
            return this;
        }

        /**
         * Standardize the features as {@code (x - mean) / std} during training (see the class comment); measure
         * them on the training set, e.g. with {@code dev.hark.trainer.train.InputStatistics}.
         */
        public Builder optInputNormalization(float mean, float std) {
            this.inputMean = mean;
            this.inputStd = std;
            return this;
        }

        /**
         * @throws IllegalArgumentException if a size is not positive, the kernel does not fit the input, or the
         *                                  input normalization is not finite with a positive std
         */
        public CrnnConfig build() {
            return new CrnnConfig(frames, mels, convChannels, kernelTime, kernelMel, strideTime, strideMel,
                    gruHidden, gruLayers, attention, classes, inputMean, inputStd);
        }
    }
}
