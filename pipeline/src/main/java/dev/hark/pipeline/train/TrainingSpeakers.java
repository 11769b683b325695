package dev.hark.pipeline.train;

import java.util.Set;

/**
 * The speakers a model of a cross-validation fold may learn from: those whose clips it trains on and those whose
 * clips choose its kept epochs. Their word clips are used whatever their split; the background recordings' portions
 * are still the split's (TRAIN for training, DEV for choosing), which no fold tests.
 *
 * @param training the speakers of the fold's training clips
 * @param dev      the speakers of its dev clips
 */
public record TrainingSpeakers(Set<String> training, Set<String> dev) {
    public TrainingSpeakers {
        training = Set.copyOf(training);
        dev = Set.copyOf(dev);
    }
}
