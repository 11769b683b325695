package dev.hark.pipeline.data;

import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.features.FeatureSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Stage 2: int8 log-mel features of every clip, per split, cached in the workspace. */
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
        return sets;
    }
}
