package dev.hark.trainer.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;

/** Creates DJL {@link Model}s holding a {@link CrnnBlock}. */
public final class CrnnModels {
    /** The DJL model name; also the prefix of the saved parameter file ({@code crnn-0000.params}). */
    public static final String MODEL_NAME = "crnn";

    private CrnnModels() {
    }

    /**
     * A new float32 CPU model with freshly initialized parameters. The same seed gives the same parameters.
     * The caller owns the model and must close it.
     */
    public static Model newModel(CrnnConfig config, long seed) {
        return initialized(emptyModel(config), seed);
    }

    /**
     * {@link #newModel} with the convolution trained as RepVGG-style branches ({@link RepConvBlock}); its weights
     * read out ({@link CrnnBlockWeights#read}) are those of the plain network {@code config} describes.
     */
    public static Model newBranchedModel(CrnnConfig config, long seed) {
        DjlRuntime.engine();
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), DjlRuntime.ENGINE);
        model.setBlock(CrnnBlock.builder().setConfig(config).optBranchedConv(true).build());
        return initialized(model, seed);
    }

    private static Model initialized(Model model, long seed) {
        DjlRuntime.seed(seed);
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, block(model).inputShape(1));
        return model;
    }

    /**
     * A model whose block exists but whose parameters are not allocated yet, ready for
     * {@link Model#load(java.nio.file.Path, String)}. The caller owns the model and must close it.
     */
    public static Model emptyModel(CrnnConfig config) {
        DjlRuntime.engine();
        Model model = Model.newInstance(MODEL_NAME, Device.cpu(), DjlRuntime.ENGINE);
        model.setBlock(CrnnBlock.builder().setConfig(config).build());
        return model;
    }

    /**
     * The model's {@link CrnnBlock}.
     *
     * @throws IllegalArgumentException if the model holds some other block
     */
    public static CrnnBlock block(Model model) {
        if (model.getBlock() instanceof CrnnBlock crnn) {
            return crnn;
        }
        throw new IllegalArgumentException("model " + model.getName() + " does not hold a CrnnBlock but "
                + (model.getBlock() == null ? "no block" : model.getBlock().getClass().getSimpleName()));
    }
}
