package dev.hark.sim.model;

import java.util.List;
import java.util.Optional;

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
 * @param trainingSpeakers the speakers the model learned from, as salted hashes; null when not recorded (a model
 *                         made outside the pipeline's training, or a file older than the record)
 */
public record ModelInfo(String name, String keyword, List<String> labels, int frames, int melBins,
                        TensorQuant inputQuant, String frontend, String producer,
                        @OptionalInFile TrainingSpeakers trainingSpeakers) {
    /** A model whose training speakers are not recorded. */
    public ModelInfo(String name, String keyword, List<String> labels, int frames, int melBins,
                     TensorQuant inputQuant, String frontend, String producer) {
        this(name, keyword, labels, frames, melBins, inputQuant, frontend, producer, null);
    }

    /** The speakers the model learned from, when its file records them. */
    public Optional<TrainingSpeakers> knownTrainingSpeakers() {
        return Optional.ofNullable(trainingSpeakers);
    }

    /** This description with {@code speakers} recorded as the training speakers. */
    public ModelInfo withTrainingSpeakers(TrainingSpeakers speakers) {
        return new ModelInfo(name, keyword, labels, frames, melBins, inputQuant, frontend, producer, speakers);
    }

    public int inputSize() {
        return frames * melBins;
    }
}
