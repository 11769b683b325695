package dev.hark.sim.model;

import java.util.List;

/**
 * What a model expects and promises, beyond its layers.
 *
 * @param name        a human name for the model
 * @param keyword     the keyword class 1 stands for
 * @param labels      class labels in output order
 * @param frames      feature frames per input ({@code 101} for 1 s at a 10 ms hop)
 * @param melBins     mel bins per frame
 * @param inputQuant  the front end's fixed int8 quantization of log-mel values
 * @param frontend    identifier of the front end that produced the features (for example {@code hark-logmel-v1})
 * @param producer    the tool and version that wrote the file
 */
public record ModelInfo(String name, String keyword, List<String> labels, int frames, int melBins,
                        TensorQuant inputQuant, String frontend, String producer) {
    public int inputSize() {
        return frames * melBins;
    }
}
