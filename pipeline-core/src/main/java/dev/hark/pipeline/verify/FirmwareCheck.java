package dev.hark.pipeline.verify;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.codegen.GenerationResult;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.HarnessRunner;
import dev.hark.firmware.run.HarnessTrace;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.ListenRunner;
import dev.hark.firmware.run.ListenTrace;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.StreamingNetwork;
import dev.hark.sim.net.Trace;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a model's firmware bit-exact on one target: generates the C, builds the harness, runs the clips and
 * compares every traced byte with the simulator.
 *
 * <p>One check keeps one firmware project (the template extracted once) and checks any number of models in it one
 * after another: the generator rewrites only the files that changed and make recompiles only what depends on them,
 * so the kernels are compiled once per check rather than once per model.
 */
public final class FirmwareCheck {
    /**
     * What one model gave.
     *
     * @param generation what the generator wrote, with the arena plan
     * @param build      the harness image
     * @param trace      what the firmware traced
     * @param comparison the byte-for-byte comparison with the simulator
     */
    public record Outcome(GenerationResult generation, FirmwareBuild.Result build, HarnessTrace trace,
                          TraceComparison.Result comparison) {
    }

    private final FirmwareProject project;
    private final Target target;
    private final Rounding rounding;
    private final KernelLibrary kernels;

    /** A check against the portable CMSIS-NN subset. */
    public FirmwareCheck(Path directory, Target target, Rounding rounding) throws IOException {
        this(directory, target, rounding, KernelLibrary.portable());
    }

    /**
     * @param directory the project's folder (created, the template extracted into it)
     * @param rounding  the rounding mode of every model this check will see; CMSIS-NN is built for it
     * @param kernels   the CMSIS-NN the firmware is built against
     */
    public FirmwareCheck(Path directory, Target target, Rounding rounding, KernelLibrary kernels) throws IOException {
        this.project = FirmwareProject.create(directory);
        this.target = target;
        this.rounding = rounding;
        this.kernels = kernels;
    }

    /**
     * @param clips   int8 feature clips of the model's input size
     * @param clipIds a name per clip for the report
     * @throws IllegalArgumentException if the model's rounding is not this check's
     * @throws IOException              if generating, building or running fails; a missing tool is a
     *                                  {@code MissingToolException}
     */
    public Outcome check(QuantizedModel model, List<byte[]> clips, List<String> clipIds) throws IOException {
        requireRounding(model);
        GenerationResult generation = CodeGenerator.generate(model, project.generatedDirectory());
        FirmwareBuild.Result build = FirmwareBuild.of(project, target)
                .optRounding(rounding).optKernels(kernels).build();
        HarnessTrace trace = new HarnessRunner(project.directory().resolve("run")).run(build, clips,
                model.info().inputSize());
        return new Outcome(generation, build, trace, TraceComparison.compare(model, clips, clipIds, trace));
    }

    private void requireRounding(QuantizedModel model) {
        if (model.rounding() != rounding) {
            throw new IllegalArgumentException("model " + model.info().name() + " is for " + model.rounding()
                    + " rounding, this check builds CMSIS-NN for " + rounding);
        }
    }

    /**
     * Streams feature frames through the model's streaming firmware and through the {@link StreamingNetwork}, and
     * compares every traced byte of every step.
     *
     * @param attentionWindow steps the attention pools over
     * @param frames          int8 feature frames of the model's mel bins, in time order
     * @throws IllegalArgumentException as {@link #check}, or if the model cannot stream
     */
    public Outcome checkStream(QuantizedModel model, int attentionWindow, List<byte[]> frames) throws IOException {
        requireRounding(model);
        StreamingNetwork network = new StreamingNetwork(model, attentionWindow);
        List<Trace> simulated = new ArrayList<>();
        for (byte[] frame : frames) {
            network.pushFrame(frame).ifPresent(simulated::add);
        }
        List<String> stepIds = new ArrayList<>();
        for (int s = 0; s < simulated.size(); s++) {
            stepIds.add("step " + s);
        }
        GenerationResult generation = CodeGenerator.generateStreaming(model,
                new CodegenConfig().withOutputDirectory(project.generatedDirectory().toString()), attentionWindow);
        FirmwareBuild.Result build = FirmwareBuild.of(project, target)
                .optRounding(rounding).optKernels(kernels).build();
        HarnessTrace trace = new HarnessRunner(project.directory().resolve("run")).runStream(build, frames,
                network.frameSize(), simulated.size());
        return new Outcome(generation, build, trace, TraceComparison.compare(simulated, stepIds, trace));
    }

    /**
     * What one model gave when listening.
     *
     * @param generation what the generator wrote
     * @param build      the listening harness image
     * @param trace      what the firmware heard
     * @param comparison the byte-for-byte comparison with the Java listener
     */
    public record ListenOutcome(GenerationResult generation, FirmwareBuild.Result build, ListenTrace trace,
                                ListenComparison.Result comparison) {
    }

    /**
     * Streams PCM through the model's listening firmware (front end, streaming network, detector) and through the
     * Java {@link dev.hark.sim.listen.KeywordListener}, and compares every frame, step and detection.
     *
     * @param attentionWindow steps the attention pools over
     * @param chunkSizes      the firmware gets the audio in chunks of these sizes, repeated
     * @throws IllegalArgumentException as {@link #check}, or if the model cannot stream or was made for another
     *                                  front end
     */
    public ListenOutcome checkListening(QuantizedModel model, int attentionWindow, DetectionSettings settings,
                                        short[] samples, int[] chunkSizes) throws IOException {
        requireRounding(model);
        KernelProgram program = Lowering.lowerStreaming(model, attentionWindow);
        GenerationResult generation = CodeGenerator.generateStreaming(model,
                new CodegenConfig().withOutputDirectory(project.generatedDirectory().toString()), attentionWindow);
        FirmwareBuild.Result build = FirmwareBuild.of(project, target).optProgram(Program.LISTEN_HARNESS)
                .optRounding(rounding).optKernels(kernels).build();
        ListenTrace trace = new ListenRunner(project.directory().resolve("listen")).run(build, samples, chunkSizes,
                settings);
        return new ListenOutcome(generation, build, trace, ListenComparison.compare(program, settings, samples,
                trace));
    }
}
