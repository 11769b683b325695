package dev.hark.pipeline.data;

import dev.hark.pipeline.evaluate.SmallData;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.testing.KillableRun;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.SpeechCommandsFolder;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The feature stage ({@link FeatureStage}) for {@link FeatureKillAndResumeTest}, started in a child JVM: computes the
 * features of the Speech Commands folder {@code args[1]} (noise negatives on) into the workspace {@code args[0]},
 * reusing what is cached there. Its log goes to stderr.
 *
 * <p>With {@code args[2]}, a line of the stage's log, the run stops once it has logged it, announcing
 * {@link KillableRun#stopLine} and waiting for the parent's kill ({@link KillableRun#stopHere}). The stage writes a split's
 * features only once all of them are computed, so whichever thread logs the line, the process is always killed with
 * the same files on disk.
 */
public final class FeatureRunMain {
    private FeatureRunMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream log = args.length > 2 ? KillableRun.logStoppingAfter(args[2]) : System.err;
        BenchmarkData data = BenchmarkData.of(SpeechCommandsFolder.load(Path.of(args[1])), SmallData.KEYWORD, true);
        FeatureStage.run(data, new Workspace(Path.of(args[0])), log);
    }
}
