package dev.hark.trainer.data;

import dev.hark.testing.KillableRun;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real corpus build for {@link CorpusKillAndResumeTest}, started in a child JVM: generates {@link #corpus()}
 * into {@code args[0]}, resuming whatever is there. Progress goes to stderr.
 *
 * <p>With {@code args[1]} and {@code args[2]}, a phase and a count, the build stops when that phase reports that many
 * units done, announcing {@link #stopLine} and waiting for the parent's kill ({@link KillableRun#stopHere}). The
 * corpus is built by one thread, which reports each unit once it is written, so the process is always killed with
 * the same files on disk.
 */
public final class CorpusRunMain {
    private CorpusRunMain() {
    }

    /** Ten clips of three words by two espeak-ng voices, two noise clips, two seconds of each background. */
    static SyntheticCorpus corpus() {
        return SyntheticCorpus.builder().seed(11).keyword("sheila").negativeWords(List.of("she", "shell"))
                .voices(List.of(TtsVoice.espeak("en-us", "m3"), TtsVoice.espeak("en-gb-scotland", "f2")))
                .keywordClips(4).clipsPerNegativeWord(2).noiseClips(2).noiseSeconds(2).jobs(1).build();
    }

    public static void main(String[] args) throws Exception {
        ProgressListener progress = ProgressListener.stderr();
        if (args.length > 1) {
            progress = stoppingAt(progress, args[1], Integer.parseInt(args[2]));
        }
        corpus().generate(Path.of(args[0]), progress);
    }

    /** The line a build prints on stdout when it has stopped with {@code done} units of {@code phase} finished. */
    static String stopLine(String phase, int done) {
        return "stopped in " + phase + " after " + done;
    }

    private static ProgressListener stoppingAt(ProgressListener inner, String phase, int done) {
        return (reported, count, total) -> {
            inner.progress(reported, count, total);
            if (reported.equals(phase) && count == done) {
                KillableRun.stopHere(stopLine(phase, done));
            }
        };
    }
}
