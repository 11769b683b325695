package dev.hark.pipeline.firmware;

import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.model.io.ModelFormatException;
import dev.hark.sim.program.Lowering;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file as the commands and goals take it: read and checked ({@link ModelFile#read}), and its layers lowered
 * once to the kernel program, which checks that they fit together (each layer takes what the one before it makes, the
 * labels match the outputs). A model that fails is reported against its file before anything is done with it.
 */
public final class ModelInput {
    private ModelInput() {
    }

    public static QuantizedModel read(Path file) throws IOException {
        QuantizedModel model = ModelFile.read(file);
        try {
            Lowering.lower(model);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file, e.getMessage());
        }
        return model;
    }

    /** The model's file name without its extension, as tables name the model. */
    public static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
