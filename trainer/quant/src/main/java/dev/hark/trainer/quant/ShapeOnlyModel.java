package dev.hark.trainer.quant;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.model.CrnnConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The quantized network a {@link CrnnConfig} becomes, with placeholder integers: the {@link Quantizer} run on
 * weights of 1 and unit grids. Its shapes, arrays and kernel calls are those of every model of that configuration,
 * so what is counted on it (MACs, constant bytes, arena) holds for the trained model before there is one; its
 * values mean nothing.
 */
public final class ShapeOnlyModel {
    private static final TensorQuant UNIT = new TensorQuant(1f, 0);

    private ShapeOnlyModel() {
    }

    public static QuantizedModel of(CrnnConfig config) {
        Map<String, int[]> shapes = CrnnWeights.shapesOf(config);
        FloatWeights ones = name -> {
            int[] shape = shapes.get(name);
            if (shape == null) {
                throw new IllegalArgumentException("no parameter named " + name);
            }
            float[] values = new float[Arrays.stream(shape).reduce(1, Math::multiplyExact)];
            Arrays.fill(values, 1f);
            return values;
        };
        List<String> labels = new ArrayList<>(List.of("other", "keyword"));
        for (int c = 2; c < config.classes(); c++) {
            labels.add("class" + c);
        }
        ModelInfo info = new ModelInfo("shape-only", "keyword", labels, config.frames(), config.mels(),
                FrontendConfig.FEATURE_QUANT, FrontendConfig.ID, "hark ShapeOnlyModel");
        return new Quantizer(config, ones, tensor -> UNIT).quantize(info, Rounding.DOUBLE);
    }
}
