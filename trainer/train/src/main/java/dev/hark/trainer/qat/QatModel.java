package dev.hark.trainer.qat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnBlock;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.model.DjlRuntime;
import dev.hark.trainer.model.InputFeatures;
import dev.hark.trainer.quant.Quantizer;

/**
 * A DJL model holding a {@link QatCrnnBlock}, started from trained float weights and frozen grids, plus the
 * conversion back to an ordinary int8 model: the (fine-tuned) float weights and the same frozen grids go through
 * the normal {@link Quantizer}. The caller owns it and must close it.
 */
public final class QatModel implements AutoCloseable {
    private final Model model;
    private final QatCrnnBlock block;
    private final FrozenGrids grids;
    private final TensorQuant inputQuant;

    private QatModel(Model model, QatCrnnBlock block, FrozenGrids grids, TensorQuant inputQuant) {
        this.model = model;
        this.block = block;
        this.grids = grids;
        this.inputQuant = inputQuant;
    }

    /**
     * @param start      trained float weights (standardization folded, as {@code CrnnBlockWeights} gives)
     * @param grids      the grids of the calibrated tensors, frozen for training and conversion
     * @param inputQuant the grid of the int8 front-end features
     */
    public static QatModel create(CrnnWeights start, FrozenGrids grids, TensorQuant inputQuant) {
        DjlRuntime.engine();
        Model model = Model.newInstance("qat-crnn", Device.cpu(), DjlRuntime.ENGINE);
        try {
            QatCrnnBlock block = new QatCrnnBlock(start.config(), inputQuant, grids);
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32, inputShape(start.config(), 1));
            block.load(start);
            return new QatModel(model, block, grids, inputQuant);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static Shape inputShape(CrnnConfig config, long batch) {
        return CrnnBlock.inputShape(config, batch);
    }

    public Model model() {
        return model;
    }

    public QatCrnnBlock block() {
        return block;
    }

    public FrozenGrids grids() {
        return grids;
    }

    public TensorQuant inputQuant() {
        return inputQuant;
    }

    /** The current float weights. */
    public CrnnWeights weights() {
        return block.weights();
    }

    /** Fake-quantized logits of one clip of int8 front-end features ({@code [frames][mels]} codes). */
    public float[] logits(byte[] features) {
        CrnnConfig config = block.config();
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(InputFeatures.dequantize(features, inputQuant), inputShape(config, 1));
            NDArray out = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            return out.toFloatArray();
        }
    }

    /** Converts to an int8 model: current weights, frozen grids, the normal {@link Quantizer}. */
    public QuantizedModel convert(ModelInfo info, Rounding rounding) {
        CrnnWeights weights = weights();
        return new Quantizer(weights.config(), weights::get, grids).quantize(info, rounding);
    }

    @Override
    public void close() {
        model.close();
    }
}
