package dev.hark.trainer.train;

import dev.hark.trainer.model.EngineArrays;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.Map;

/** A block's parameters as a checkpoint holds them: by name, each a flat array of the parameter's values. */
public final class CheckpointParameters {
    private CheckpointParameters() {
    }

    /**
     * Checks that {@code values} name exactly the block's parameters, each with as many values as it has.
     *
     * @param file the checkpoint the values came from, for the message
     * @throws CheckpointException naming the first parameter that is missing or of another size, or the count
     */
    public static void requireSameNames(Path file, Block block, Map<String, float[]> values)
            throws CheckpointException {
        for (Pair<String, Parameter> p : block.getParameters()) {
            float[] v = values.get(p.getKey());
            long size = p.getValue().getArray().size();
            if (v == null || v.length != size) {
                throw new CheckpointException(file, "parameter " + p.getKey() + " has "
                        + (v == null ? "no values" : v.length + " values") + ", the model needs " + size);
            }
        }
        if (values.size() != block.getParameters().size()) {
            throw new CheckpointException(file, values.size() + " parameters, the model has "
                    + block.getParameters().size());
        }
    }

    /** Sets every parameter of the block from {@code values}, which name them all ({@link #requireSameNames}). */
    public static void set(Block block, Map<String, float[]> values) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            EngineArrays.overwrite(p.getValue().getArray(), values.get(p.getKey()));
        }
    }
}
