package dev.hark.trainer.qat;

import dev.hark.sim.model.TensorQuant;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.quant.ActivationGrids;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grid of every calibrated activation, fixed once before quantization-aware training and used unchanged by
 * the fake-quantized forward pass and by the conversion to a model file, so both run on the same grids.
 */
public final class FrozenGrids implements ActivationGrids {
    private final Map<String, TensorQuant> grids;

    private FrozenGrids(Map<String, TensorQuant> grids) {
        this.grids = Collections.unmodifiableMap(new LinkedHashMap<>(grids));
    }

    /** Asks {@code source} (e.g. a calibration plan's grids) once for each calibrated tensor of {@code config}. */
    public static FrozenGrids of(CrnnConfig config, ActivationGrids source) {
        Map<String, TensorQuant> grids = new LinkedHashMap<>();
        for (String tensor : calibratedTensors(config)) {
            grids.put(tensor, source.grid(tensor));
        }
        return new FrozenGrids(grids);
    }

    /**
     * The tensors on calibrated (not fixed) grids, in network order: {@code conv}, per GRU layer
     * {@code gx_r gx_z gx_n gh_r gh_z gh_n pre_r pre_z r_hn pre_n}, with attention {@code att.energy att.score},
     * and {@code logits}.
     */
    public static List<String> calibratedTensors(CrnnConfig config) {
        List<String> names = new ArrayList<>(List.of("conv"));
        for (int l = 1; l <= config.gruLayers(); l++) {
            for (String role : List.of("gx_r", "gx_z", "gx_n", "gh_r", "gh_z", "gh_n", "pre_r", "pre_z", "r_hn",
                    "pre_n")) {
                names.add("gru" + l + "." + role);
            }
        }
        if (config.attention()) {
            names.add("att.energy");
            names.add("att.score");
        }
        names.add("logits");
        return names;
    }

    @Override
    public TensorQuant grid(String tensor) {
        TensorQuant grid = grids.get(tensor);
        if (grid == null) {
            throw new IllegalStateException("no frozen grid for tensor " + tensor);
        }
        return grid;
    }

    public Map<String, TensorQuant> asMap() {
        return grids;
    }
}
