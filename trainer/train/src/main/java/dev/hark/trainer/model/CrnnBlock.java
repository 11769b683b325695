package dev.hark.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.GRU;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The keyword-spotting CRNN as a DJL block tree.
 *
 * <p>Input: one {@link NDArray} {@code [batch][frames][mels]} of float features (the dequantized int8 front-end
 * output). Output: logits {@code [batch][classes]}; class 1 is the keyword.
 *
 * <ol>
 *   <li>With {@link CrnnConfig#standardizesInput()}: {@code (x - inputMean) / inputStd}, constants, no
 *       parameters (folded into the convolution on export, see {@link CrnnConfig}).</li>
 *   <li>{@link #conv()}: {@link Conv2d} 1 -> C over the clip as an NCHW image with H = time, W = mel; no padding,
 *       with bias, no activation. Output {@code [batch][C][T'][F']}. Optionally trained as RepVGG-style branches
 *       ({@link RepConvBlock}) that fold into that one convolution.</li>
 *   <li>Transposed to {@code [batch][T'][F'][C]} and flattened per step to {@code [batch][T'][F' * C]}, feature
 *       index {@code f * C + c}. This is the NHWC order of an int8 convolution's output, so the GRU's input
 *       weights carry over to the integer network unpermuted.</li>
 *   <li>{@link #gru()}: {@link GRU} (PyTorch equations, gate order r, z, n, biases b_ih and b_hh, h0 = 0,
 *       batch first).</li>
 *   <li>{@link #pooling()}: {@link AttentionPooling}, or {@link LastStepPooling} when attention is off.</li>
 *   <li>{@link #fc()}: {@link Linear} H -> classes.</li>
 * </ol>
 *
 * <p>Initialization follows PyTorch's defaults for the GRU (uniform in +-1/sqrt(H) for weights and biases),
 * which keep the gates out of saturation at the start; convolution and linear weights use Xavier, biases zero.
 */
public final class CrnnBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final CrnnConfig config;
    private final Block conv;
    private final GRU gru;
    private final Block pooling;
    private final Linear fc;

    private CrnnBlock(Builder builder) {
        super(VERSION);
        config = builder.config;
        conv = addChildBlock("conv", builder.branchedConv ? new RepConvBlock(config) : Conv2d.builder()
                .setKernelShape(new Shape(config.kernelTime(), config.kernelMel()))
                .optStride(new Shape(config.strideTime(), config.strideMel()))
                .setFilters(config.convChannels())
                .optBias(true)
                .build());
        gru = addChildBlock("gru", GRU.builder()
                .setStateSize(config.gruHidden())
                .setNumLayers(config.gruLayers())
                .optBatchFirst(true)
                .optHasBiases(true)
                .build());
        pooling = config.attention()
                ? addChildBlock("attention", new AttentionPooling(config.gruHidden()))
                : addChildBlock("last_step", new LastStepPooling());
        fc = addChildBlock("fc", Linear.builder().setUnits(config.classes()).build());

        XavierInitializer xavier = new XavierInitializer();
        conv.setInitializer(xavier, Parameter.Type.WEIGHT);
        pooling.setInitializer(xavier, Parameter.Type.WEIGHT);
        fc.setInitializer(xavier, Parameter.Type.WEIGHT);
        UniformInitializer pytorchGru = new UniformInitializer((float) (1.0 / Math.sqrt(config.gruHidden())));
        gru.setInitializer(pytorchGru, Parameter.Type.WEIGHT);
        gru.setInitializer(pytorchGru, Parameter.Type.BIAS);
    }

    public static Builder builder() {
        return new Builder();
    }

    public CrnnConfig config() {
        return config;
    }

    /** A {@link Conv2d}, or a {@link RepConvBlock} when built with {@link Builder#optBranchedConv}. */
    public Block conv() {
        return conv;
    }

    /** Whether the convolution trains as RepVGG-style branches ({@link RepConvBlock}). */
    public boolean branchedConv() {
        return conv instanceof RepConvBlock;
    }

    public GRU gru() {
        return gru;
    }

    /** {@link AttentionPooling} when {@code config().attention()}, else {@link LastStepPooling}. */
    public Block pooling() {
        return pooling;
    }

    public Linear fc() {
        return fc;
    }

    /** The shape of one batch of input features. */
    public Shape inputShape(long batch) {
        return inputShape(config, batch);
    }

    /**
     * The shape of one batch of input features, {@code [batch][frames][mels]}: the same for every block that
     * computes this network, the QAT block included.
     */
    public static Shape inputShape(CrnnConfig config, long batch) {
        return new Shape(batch, config.frames(), config.mels());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (config.standardizesInput()) {
            x = x.sub(config.inputMean()).div(config.inputStd());
        }
        long batch = x.getShape().get(0);
        NDArray image = x.expandDims(1); // [B][1][T][M]: one input channel
        NDArray convOut = conv.forward(store, new NDList(image), training).singletonOrThrow(); // [B][C][T'][F']
        long steps = convOut.getShape().get(2);
        NDArray sequence = convOut.transpose(0, 2, 3, 1).reshape(batch, steps, -1); // [B][T'][F'*C], f*C + c
        NDArray hidden = gru.forward(store, new NDList(sequence), training).head(); // [B][T'][H]
        NDList pooled = pooling.forward(store, new NDList(hidden), training);
        return fc.forward(store, pooled, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
        return new Shape[] {new Shape(inputs[0].get(0), config.classes())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long batch = inputShapes[0].get(0);
        conv.initialize(manager, dataType, new Shape(batch, 1, config.frames(), config.mels()));
        Shape sequence = new Shape(batch, config.convSteps(), config.gruInputSize());
        gru.initialize(manager, dataType, sequence);
        Shape hidden = new Shape(batch, config.convSteps(), config.gruHidden());
        pooling.initialize(manager, dataType, hidden);
        fc.initialize(manager, dataType, new Shape(batch, config.gruHidden()));
    }

    /** Builds a {@link CrnnBlock}; the configuration is required. */
    public static final class Builder {
        private CrnnConfig config;
        private boolean branchedConv;

        private Builder() {
        }

        /**
         * Train the convolution as parallel branches with batch normalization ({@link RepConvBlock}), folded into
         * one plain convolution when the weights are read ({@link CrnnBlockWeights#read}). Default false.
         */
        public Builder optBranchedConv(boolean branchedConv) {
            this.branchedConv = branchedConv;
            return this;
        }

        public Builder setConfig(CrnnConfig config) {
            this.config = config;
            return this;
        }

        /** @throws IllegalArgumentException if no configuration was set */
        public CrnnBlock build() {
            if (config == null) {
                throw new IllegalArgumentException("CrnnBlock: setConfig(...) is required");
            }
            return new CrnnBlock(this);
        }
    }
}
