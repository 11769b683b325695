package dev.hark.cli;

import dev.hark.pipeline.data.DataStage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hark corpus}: builds the synthetic default corpus offline. */
@Command(name = "corpus",
        description = "Synthesize the default keyword corpus offline (espeak-ng, flite, festival + noise) into "
                + "<work>/corpus, in Speech Commands layout. Resumes a partial corpus.")
final class CorpusCommand implements Callable<Integer> {
    @Mixin
    WorkspaceOption work;

    @Mixin
    KeywordAndSeedOptions run;

    @Override
    public Integer call() throws Exception {
        DataStage.resolve(null, work.workspace(), run.keyword, run.seed, System.err);
        return ExitCode.OK.code();
    }
}
