package dev.hark.cli;

import dev.hark.pipeline.bench.ListeningBenchmark;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Option;

/** How {@code hark bench-listening} measures: the audio, the chunks, the re-scoring and the kernels. */
final class BenchSettingsOptions {
    @Option(names = "--attention-window",
            description = "Steps the streaming attention pools over (default: each model's clip steps).")
    Integer attentionWindow;

    @Option(names = "--seconds", defaultValue = "" + ListeningBenchmark.DEFAULT_SECONDS,
            description = "Seconds of audio measured, 1 to " + ListeningBenchmark.MAX_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--chunk-samples", defaultValue = "" + ListeningBenchmark.DEFAULT_CHUNK_SAMPLES,
            description = "Samples per call of the engine, 1 to " + ListeningBenchmark.MAX_CHUNK_SAMPLES
                    + " (default: ${DEFAULT-VALUE}, 10 ms).")
    int chunkSamples;

    @Option(names = "--rescore-hop-frames", defaultValue = "" + ListeningBenchmark.DEFAULT_RESCORE_HOP_FRAMES,
            description = "Frames between two re-scorings of the whole-clip network (default: ${DEFAULT-VALUE}, "
                    + "80 ms).")
    int rescoreHopFrames;

    @Option(names = "--cmsis-nn", description = "A checkout of ARM-software/CMSIS-NN to build with (default: "
            + "hark's portable subset).")
    Path cmsisNn;

    /** @throws HarkException (bad input) naming the first option out of its range */
    ListeningBenchmark.Settings settings() {
        OptionCheck check = OptionCheck.BAD_INPUT;
        check.between("--seconds", seconds, 1, ListeningBenchmark.MAX_SECONDS);
        check.between("--chunk-samples", chunkSamples, 1, ListeningBenchmark.MAX_CHUNK_SAMPLES);
        check.atLeast("--rescore-hop-frames", rescoreHopFrames, 1);
        if (attentionWindow != null) {
            check.atLeast("--attention-window", attentionWindow, 1);
        }
        return new ListeningBenchmark.Settings(seconds, chunkSamples, rescoreHopFrames, Optional.ofNullable(cmsisNn));
    }

    /** The window given, or empty for each model's own. */
    OptionalInt attentionWindow() {
        return attentionWindow == null ? OptionalInt.empty() : OptionalInt.of(attentionWindow);
    }
}
