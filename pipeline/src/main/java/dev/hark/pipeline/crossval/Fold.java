package dev.hark.pipeline.crossval;

import dev.hark.trainer.augment.NoiseNegatives;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.features.LabelledFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One fold's three sets of clips. Word clips go by speaker ({@link SpeakerFolds}): the fold's speakers are tested,
 * the dev speakers carved from the other folds choose each model's kept epoch, the rest train. The benchmark's noise
 * negatives keep their split in time (docs/benchmark.md), so no stretch of a recording tested on is trained on or
 * mixed into training: TRAIN ones train in every fold, DEV ones are dev in every fold, and TEST ones are dealt to the
 * folds in turn, so that each is tested once.
 *
 * @param index            0-based
 * @param train            the training clips
 * @param dev              the dev clips
 * @param test             the clips tested, each in exactly one fold
 * @param trainingSpeakers the speakers of {@code train}'s word clips
 */
public record Fold(int index, List<LabelledFeatures> train, List<LabelledFeatures> dev, List<LabelledFeatures> test,
                   Set<String> trainingSpeakers) {
    public Fold {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
        trainingSpeakers = Set.copyOf(trainingSpeakers);
    }

    /** The speakers of the fold's dev clips, which choose its models' kept epochs (its noise negatives have none). */
    public Set<String> devSpeakers() {
        return speakers(dev);
    }

    /** The speakers whose word clips the fold tests. */
    public Set<String> testSpeakers() {
        return speakers(test);
    }

    private static Set<String> speakers(List<LabelledFeatures> clips) {
        Set<String> speakers = new TreeSet<>();
        for (LabelledFeatures clip : clips) {
            if (!clip.word().equals(NoiseNegatives.WORD)) {
                speakers.add(clip.speaker());
            }
        }
        return speakers;
    }

    /**
     * Every fold of the benchmark's clips.
     *
     * @param features the benchmark's features by split (the split decides only where a noise negative goes)
     */
    public static List<Fold> all(Map<Split, FeatureSet> features, SpeakerFolds folds, double devShare) {
        List<Fold> all = new ArrayList<>();
        for (int f = 0; f < folds.folds(); f++) {
            Set<String> devSpeakers = folds.devSpeakers(f, devShare);
            List<LabelledFeatures> train = new ArrayList<>();
            List<LabelledFeatures> dev = new ArrayList<>();
            List<LabelledFeatures> test = new ArrayList<>();
            Set<String> trainingSpeakers = new TreeSet<>();
            for (Split split : Split.values()) {
                int noiseIndex = 0;
                for (LabelledFeatures clip : features.get(split).items()) {
                    if (clip.word().equals(NoiseNegatives.WORD)) {
                        switch (split) {
                            case TRAIN -> train.add(clip);
                            case DEV -> dev.add(clip);
                            case TEST -> {
                                if (noiseIndex % folds.folds() == f) {
                                    test.add(clip);
                                }
                            }
                        }
                        noiseIndex++;
                    } else if (folds.foldOf(clip.speaker()) == f) {
                        test.add(clip);
                    } else if (devSpeakers.contains(clip.speaker())) {
                        dev.add(clip);
                    } else {
                        train.add(clip);
                        trainingSpeakers.add(clip.speaker());
                    }
                }
            }
            all.add(new Fold(f, train, dev, test, trainingSpeakers));
        }
        return all;
    }

    /** The fold's name in folders and messages, 1-based: {@code fold-1}. */
    public String name() {
        return "fold-" + (index + 1);
    }
}
