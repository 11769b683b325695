package dev.hark.pipeline.verify;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.ClipVerification;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.ModelFit;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.pipeline.firmware.FirmwareStage;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.features.ClipFolder;
import dev.hark.trainer.features.LabelledFeatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 8: run every clip through the firmware on each target and compare every traced layer with the
 * simulator, byte for byte ({@link ClipVerification}). The simulator runs once; each target is compared against the
 * same traces.
 */
public final class VerifyStage {
    private VerifyStage() {
    }

    /** Clips to run: a name per clip and its int8 features, in the same order. */
    public record Clips(List<String> ids, List<byte[]> features) {
        /** A split's clips, by their ids. */
        public static Clips of(List<LabelledFeatures> items) {
            return new Clips(items.stream().map(LabelledFeatures::id).toList(),
                    items.stream().map(LabelledFeatures::features).toList());
        }

        /**
         * The clips of a folder ({@link ClipFolder#read}) as the model takes them.
         *
         * @throws IllegalArgumentException if the folder has no clips or a clip does not fit the model
         */
        public static Clips read(Path folder, QuantizedModel model) throws IOException {
            List<ClipFolder.NamedFeatures> named = ClipFolder.read(folder, model.info().frames(),
                    model.info().melBins());
            return new Clips(named.stream().map(ClipFolder.NamedFeatures::id).toList(),
                    named.stream().map(ClipFolder.NamedFeatures::features).toList());
        }
    }

    /**
     * What {@code hark verify} found.
     *
     * @param lines     a line per target for the clips, then one per target for listening
     * @param identical whether not one byte differed
     * @param complete  whether every target ran every program: false when a program did not fit a board
     */
    public record Outcome(List<String> lines, boolean identical, boolean complete) {
    }

    /**
     * Builds the firmware for each target, runs the clips through it and compares every layer with the simulator;
     * then streams {@code listenMinutes} of audio through the listening firmware and compares every frame, step and
     * detection ({@link ListeningVerification}).
     *
     * @param listenTo      clips glued into the listening stream
     * @param listenMinutes 0 to skip listening
     */
    public static Outcome buildAndRun(QuantizedModel model, Clips clips, List<ClipFile> listenTo, double listenMinutes,
                                      long seed, List<Target> targets, CodegenConfig codegen, KernelLibrary kernels,
                                      Workspace workspace, PrintStream log) throws IOException {
        FirmwareStage.Built built = FirmwareStage.run(model, workspace, codegen, targets, kernels, log);
        List<String> lines = new ArrayList<>();
        boolean identical = true;
        for (Map.Entry<Target, TraceComparison.Result> e
                : run(model, built.builds(), clips, workspace.firmware(), log).entrySet()) {
            lines.add(e.getKey().makeName() + " (" + built.builds().get(e.getKey()).kernelsAndRounding() + "): "
                    + e.getValue().summary());
            identical &= e.getValue().identical();
        }
        boolean complete = true;
        if (listenMinutes > 0) {
            List<short[]> audio = ListeningVerification.audio(listenTo);
            KernelProgram listening = CodeGenerator.lowerStreaming(model, new CodegenConfig(),
                    Lowering.defaultAttentionWindow(model));
            for (Target target : targets) {
                // The listening firmware holds the front end's state and the audio's chunks beside the network: a
                // board whose RAM held the clips' harness may not hold it, which is told for that board alone,
                // before compiling when the estimate already says so, else with the linker's figures.
                Optional<String> misfit = target.board().flatMap(board -> ModelFit.of(listening, board,
                        Program.LISTEN_HARNESS).problem("the model"));
                if (misfit.isPresent()) {
                    lines.add(target.makeName() + " listening: not run: " + misfit.get());
                    complete = false;
                    continue;
                }
                try {
                    for (Map.Entry<Target, ListeningVerification.Heard> e : ListeningVerification.run(model,
                            codegen.detectorFor(model), audio, listenMinutes, seed, List.of(target), kernels,
                            workspace.firmware(), log).entrySet()) {
                        lines.add(e.getKey().makeName() + " listening (" + e.getValue().builtWith() + "): "
                                + e.getValue().summary());
                        identical &= e.getValue().comparison().identical();
                    }
                } catch (FirmwareBuild.DoesNotFitException e) {
                    lines.add(target.makeName() + " listening: not run: " + e.summary());
                    complete = false;
                }
            }
        }
        return new Outcome(lines, identical, complete);
    }

    public static Map<Target, TraceComparison.Result> run(QuantizedModel model, Map<Target, FirmwareBuild.Result> builds,
                                                          List<LabelledFeatures> clips, Path workDirectory,
                                                          PrintStream log) throws IOException {
        return run(model, builds, Clips.of(clips), workDirectory, log);
    }

    public static Map<Target, TraceComparison.Result> run(QuantizedModel model, Map<Target, FirmwareBuild.Result> builds,
                                                          Clips clips, Path workDirectory, PrintStream log)
            throws IOException {
        ClipVerification verification = new ClipVerification(model, clips.ids(), clips.features());
        Map<Target, TraceComparison.Result> results = new LinkedHashMap<>();
        for (Map.Entry<Target, FirmwareBuild.Result> build : builds.entrySet()) {
            Target target = build.getKey();
            log.println("[verify] " + target.makeName() + ": running " + verification.size() + " clips ...");
            TraceComparison.Result result = verification.run(build.getValue(),
                    workDirectory.resolve("run-" + target.makeName()));
            log.println("[verify] " + target.makeName() + " (" + build.getValue().kernelsAndRounding() + "): "
                    + result.summary());
            results.put(target, result);
        }
        return results;
    }
}
