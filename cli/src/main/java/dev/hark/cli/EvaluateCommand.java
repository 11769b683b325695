package dev.hark.cli;

import dev.hark.firmware.run.Tools;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.data.TrainingSpeakers;
import dev.hark.pipeline.evaluate.EvaluateStage;
import dev.hark.pipeline.evaluate.EvaluationData;
import dev.hark.pipeline.evaluate.EvaluationOutputs;
import dev.hark.pipeline.evaluate.QualityGate;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hark evaluate}: a model on recordings the user names, through the simulator or a target's firmware; the
 * figures, the breakdowns and the outputs of {@link EvaluateStage}, and the quality gate's verdict as the exit code.
 */
@Command(name = "evaluate",
        description = {"Evaluate a model on labelled recordings: a folder in Speech Commands layout"
                + " (<word>/<speaker>_nohash_<n>.wav, _background_noise_/ optional) or a CSV list of"
                + " path,label[,speaker]. Prints accuracy, false rejects and false accepts at the model's threshold"
                + " and au_fa_fr with 95%% intervals, and the false rejects at a false-alarm budget on a long stream"
                + " of the clips (and background recordings); the int8 network beside the float one when its"
                + " weights are at hand; false accepts by word, misses by speaker, the worst clips. Writes"
                + " <out>/clips.csv, <out>/summary.json and <out>/index.html (DET curve, score distributions).",
                "With --target host or mps2-an386, the same clips also run through that firmware, every traced byte"
                        + " compared with the simulator (exit code 3 on a difference). With --max-frr or"
                        + " --max-au-fa-fr, exit code 5 when the int8 network misses the mark."})
final class EvaluateCommand implements Callable<Integer> {
    /** The target that is no firmware: the simulator alone. */
    static final String SIMULATOR = "sim";

    @Spec
    CommandSpec spec;

    /** Without it, the workspace's model; the Setting gives its description. */
    @Option(names = {"-m", "--model"})
    Path model;

    @Option(names = "--data", required = true, paramLabel = "<folder or csv>", description = "The recordings: a"
            + " folder in Speech Commands layout or a .csv list of path,label[,speaker] (paths relative to the list).")
    Path data;

    @Option(names = "--keyword", description = "The keyword (default: the model's).")
    String keyword;

    @Option(names = "--weights", paramLabel = "<float-model dir>", description = "The float network the model was"
            + " quantized from (a float-model folder, as hark train writes it), to evaluate beside the int8 one.")
    Path weights;

    @Option(names = {"-w", "--work"}, description = "A workspace: its model.hark when --model is not given, its"
            + " float model when --weights is not, and its training speakers, to warn about clips of theirs.")
    Path work;

    @Option(names = {"-o", "--out"}, defaultValue = "build/evaluate", description = "Folder for clips.csv,"
            + " summary.json, the HTML page and any firmware (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--target", defaultValue = SIMULATOR, paramLabel = "sim|host|mps2-an386", description = "Where"
            + " the int8 network runs besides the simulator: sim (the simulator alone), host or mps2-an386 (the"
            + " firmware, natively or under QEMU, compared byte for byte) (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--hours", defaultValue = "1", description = "Length of the long stream in hours (default:"
            + " ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--seed", defaultValue = "1", description = "Where the stream's keywords go (default:"
            + " ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--worst", defaultValue = "10", description = "How many of the worst clips of each class to"
            + " list (default: ${DEFAULT-VALUE}).")
    int worst;

    @Option(names = "--max-frr", paramLabel = "<rate>", description = "Quality gate: the highest share of keywords"
            + " the int8 network may miss on the stream at --at-fa-per-hour, 0 to 1.")
    Double maxFrr;

    @Option(names = "--at-fa-per-hour", defaultValue = "1", description = "The false alarms per hour the stream's"
            + " operating point keeps within (default: ${DEFAULT-VALUE}).")
    double atFaPerHour;

    @Option(names = "--max-au-fa-fr", paramLabel = "<area>", description = "Quality gate: the highest au_fa_fr"
            + " the int8 network may have on the clips, 0 to 1.")
    Double maxAuFaFr;

    @Override
    public Integer call() throws Exception {
        Optional<Target> firmware = firmware();
        Path modelFile = model != null ? model : workspace().map(Workspace::model).orElseThrow(() ->
                new HarkException(ExitCode.USAGE, "evaluate: give the model (--model) or a workspace (--work)"));
        QualityGate gate = new QualityGate(optional(maxFrr), atFaPerHour, optional(maxAuFaFr));
        EvaluateStage.Settings settings = new EvaluateStage.Settings(hours, seed, gate, worst);
        QuantizedModel quantized = ModelInput.read(modelFile);
        if (firmware.isPresent()) {
            Tools.requireToBuildAndRun(firmware.get());
        }
        Optional<CrnnWeights> floatWeights = floatWeights();
        EvaluationData clips = EvaluationData.read(data, keyword != null ? keyword : quantized.info().keyword());
        EvaluateStage.Evaluation evaluation = EvaluateStage.run(modelFile, quantized, floatWeights,
                trainingSpeakers(), clips, settings, firmware, out, System.err);
        PrintWriter print = spec.commandLine().getOut();
        EvaluationOutputs.text(evaluation).forEach(print::println);
        if (evaluation.firmware().isPresent() && !evaluation.firmware().get().comparison().identical()) {
            return ExitCode.MISMATCH.code();
        }
        return (evaluation.gateFailures().isEmpty() ? ExitCode.OK : ExitCode.QUALITY_GATE).code();
    }

    /** --target: empty for the simulator alone; an unknown name is wrong usage, as for the other commands. */
    private Optional<Target> firmware() {
        if (target.equals(SIMULATOR)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TargetName().convert(target));
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new HarkException(ExitCode.USAGE, "--target: expected " + SIMULATOR + " or "
                    + e.getMessage().replaceFirst("^expected ", ""));
        }
    }

    private Optional<Workspace> workspace() {
        return Optional.ofNullable(work).map(w -> new Workspace(w.toAbsolutePath()));
    }

    /** --weights, else the workspace's float model when it has one. */
    private Optional<CrnnWeights> floatWeights() throws IOException {
        Path dir = weights != null ? weights : workspace().map(Workspace::floatModel).filter(Files::isDirectory)
                .orElse(null);
        if (dir == null) {
            return Optional.empty();
        }
        // The training history, beside the float model in a workspace, is not needed here.
        return Optional.of(TrainStage.load(dir, dir.resolveSibling("training-history.csv")).weights());
    }

    /** The workspace's training speakers, when it records them. */
    private Optional<TrainingSpeakers> trainingSpeakers() throws IOException {
        Optional<Path> file = workspace().map(Workspace::trainingSpeakers).filter(Files::exists);
        return file.isPresent() ? Optional.of(TrainingSpeakers.read(file.get())) : Optional.empty();
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
