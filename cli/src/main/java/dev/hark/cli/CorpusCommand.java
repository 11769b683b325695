package dev.hark.cli;

import dev.hark.pipeline.data.DataStage;
import dev.hark.pipeline.workspace.Workspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hark corpus}: builds the synthetic default corpus offline. */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Synthesize the default keyword corpus offline (espeak-ng, flite, festival + noise), "
                + "in Speech Commands layout. Resumes a partial corpus.")
final class CorpusCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, description = "Workspace directory (the corpus goes to <out>/corpus).")
    Path out;

    @Option(names = "--keyword", defaultValue = "sheila", description = "Keyword (default: ${DEFAULT-VALUE}).")
    String keyword;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintStream log = System.err;
        DataStage.resolve(null, new Workspace(out), keyword, seed, log);
        return ExitCodes.OK;
    }
}
