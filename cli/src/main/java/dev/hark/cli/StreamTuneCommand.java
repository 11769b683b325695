package dev.hark.cli;

import dev.hark.pipeline.streamtune.StreamTuneStage;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.stream.StreamTuningOptions;
import dev.hark.trainer.train.EpochStats;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hark stream-tune}: fine-tunes the workspace's float model for streaming ({@link StreamTuneStage}) and
 * writes it, float and int8, beside the original; {@code hark state-policies --models trained,stream-tuned}
 * compares the two listening.
 */
@Command(name = "stream-tune",
        description = "Fine-tune the trained float model for listening: long sequences of training-split audio "
                + "(keyword clips among other clips and noise), the state carried through each, every step trained "
                + "to answer as a listening device should; the epoch chosen on dev-split sequences. Writes "
                + "<work>/float-model-stream and <work>/model-stream.hark (quantized as model.hark is); a killed run "
                + "continues from <work>/stream-tune-run.")
final class StreamTuneCommand extends PipelineCommand {
    @Option(names = "--epochs", defaultValue = "12", description = "Epochs, each over fresh sequences "
            + "(default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seconds", defaultValue = "16", description = "Length of each sequence in seconds "
            + "(default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--sequences", defaultValue = "256", description = "Training sequences per epoch "
            + "(default: ${DEFAULT-VALUE}).")
    int sequences;

    @Option(names = "--lr", defaultValue = "3e-4", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float learningRate;

    @Override
    Integer runLocked() throws Exception {
        StreamTuningOptions options;
        try {
            options = StreamTuningOptions.defaults().withEpochs(epochs).withSequences(sequences, seconds)
                    .withLearningRate(learningRate).withSeed(pipeline.seed()).withProgress(System.err);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.USAGE, e.getMessage());
        }
        var start = pipeline.floatModel().weights();
        BenchmarkData data = pipeline.data(System.err);
        var features = pipeline.features(data, System.err);
        StreamTuneStage.Result r;
        try {
            r = StreamTuneStage.run(start, data, features.get(Split.TRAIN), pipeline.workspace(), pipeline.keyword(),
                    options, System.err);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, e.getMessage());
        }
        PrintWriter stdout = out();
        if (r.tuned().isPresent()) {
            var result = r.tuned().get().result();
            for (EpochStats e : result.history()) {
                stdout.printf(Locale.ROOT, "  epoch %d: train loss %.5f, dev loss %.5f, dev step accuracy %.4f, "
                        + "au_fa_fr %.5f%n", e.epoch(), e.trainLoss(), e.devLoss(), e.devAccuracy(), e.devAuFaFr());
            }
            stdout.printf(Locale.ROOT, "kept epoch %d%n", result.bestEpoch());
        }
        stdout.println("written: " + pipeline.workspace().streamTunedFloatModel() + ", "
                + pipeline.workspace().streamTunedModel());
        return ExitCode.OK.code();
    }
}
