package dev.hark.pipeline.data;

import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stage 2: int8 log-mel features of every clip, per split, cached in the workspace; and the train and dev splits'
 * speakers as salted hashes ({@link TrainingSpeakersFile}).
 */
public final class FeatureStage {
    private FeatureStage() {
    }

    public static Map<Split, FeatureSet> run(BenchmarkData data, Workspace workspace, PrintStream log)
            throws IOException {
        Map<Split, FeatureSet> sets = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            Path cache = workspace.features(split);
            FeatureSet set;
            if (Files.exists(cache)) {
                set = FeatureSet.read(cache);
            } else {
                set = data.features(split, ProgressListener.printingTo(log));
                set.write(cache);
            }
            log.printf(Locale.ROOT, "[features] %-5s %5d clips, %4d keyword%n", split.name().toLowerCase(Locale.ROOT),
                    set.size(), set.positives());
            sets.put(split, set);
        }
        if (!Files.exists(workspace.trainingSpeakers())) {
            // What the models learned from, so that evaluations on the same speakers can be flagged.
            List<String> speakers = new ArrayList<>();
            for (Split split : List.of(Split.TRAIN, Split.DEV)) {
                sets.get(split).items().forEach(item -> speakers.add(item.speaker()));
            }
            TrainingSpeakersFile.write(TrainingSpeakers.of(speakers), workspace.trainingSpeakers());
        }
        return sets;
    }
}
