package dev.hark.pipeline.data;

import dev.hark.pipeline.workspace.Workspace;
import dev.hark.trainer.data.CorpusSummary;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.SyntheticCorpus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Stage 1: the clips. A given folder in Speech Commands layout is used as it is; without one the synthetic
 * default corpus is built offline (resuming a partial one).
 */
public final class DataStage {
    private DataStage() {
    }

    /** The data folder to use: {@code data} when given, else the workspace's synthetic corpus, built if needed. */
    public static Path resolve(Path data, Workspace workspace, String keyword, long seed, PrintStream log)
            throws IOException {
        workspace.claim(data, keyword);
        if (data != null) {
            return data;
        }
        SyntheticCorpus corpus = SyntheticCorpus.builder().seed(seed).keyword(keyword).build();
        log.println("[data] synthetic corpus: keyword '" + keyword + "', " + corpus.negativeWords().size()
                + " other words, " + corpus.voices().size() + " voices, " + corpus.totalClips() + " clips -> "
                + workspace.corpus());
        CorpusSummary summary = corpus.generate(workspace.corpus(), ProgressListener.printingTo(log));
        log.println("[data] corpus ready: " + summary.clips() + " clips (" + summary.clipsWritten()
                + " written now)");
        return workspace.corpus();
    }

    /** {@link #resolve} then {@link #load}: the data set to run on, synthesized first when no folder is given. */
    public static BenchmarkData prepare(Path data, Workspace workspace, String keyword, long seed, PrintStream log)
            throws IOException {
        if (data != null) {
            // The folder's problems (missing, empty, no keyword) are reported before the workspace is stamped, so a
            // run refused for its data leaves nothing behind.
            BenchmarkData loaded = load(data, keyword, false);
            workspace.claim(data, keyword);
            return loaded;
        }
        return load(resolve(null, workspace, keyword, seed, log), keyword, true);
    }

    /**
     * The clips and their split. Real recordings also get 1-second noise negatives cut from their own split's part
     * of {@code _background_noise_} ({@code docs/benchmark.md}); the synthetic corpus already has noise clips.
     */
    public static BenchmarkData load(Path folder, String keyword, boolean synthetic) throws IOException {
        return BenchmarkData.of(SpeechCommandsFolder.load(folder), keyword, !synthetic);
    }
}
