package dev.hark.trainer.features;

import dev.hark.trainer.train.Example;

/**
 * One clip's int8 front-end features with what it is.
 *
 * @param id       the clip's path relative to its data folder (unique, used in reports)
 * @param word     the word spoken
 * @param speaker  the speaker id
 * @param label    1 for the keyword, 0 otherwise
 * @param features {@code [frames][melBins]} int8 codes from {@code dev.hark.sim.frontend.LogMelFrontend}
 */
public record LabelledFeatures(String id, String word, String speaker, int label, byte[] features) {
    public Example example() {
        return new Example(features, label);
    }
}
