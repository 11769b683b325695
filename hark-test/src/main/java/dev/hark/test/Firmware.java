package dev.hark.test;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.ClipVerification;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.ListenComparison;
import dev.hark.firmware.run.ListenRunner;
import dev.hark.firmware.run.ListenTrace;
import dev.hark.firmware.run.MissingToolException;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.firmware.run.TraceComparison;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.listen.KeywordEvent;
import dev.hark.trainer.features.ClipFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A model's firmware for one target, as {@link HarkFirmware} hands it to a test class: the clip harness (the network
 * over whole clips, every layer traced) and the listening harness ({@code hark_kws}: front end, streaming network and
 * detector) are each generated and built once, on first use, and then run as often as the tests ask, natively on the
 * host or under QEMU. Every run is compared byte for byte with the simulator; {@link HarkAssertions} turns a
 * difference into a failure naming where it is.
 *
 * <p>The programs are built with the kernel library chosen and for the model's rounding, in {@link #directory()}
 * ({@code clips/} and {@code listen/}, each a firmware project, kept for the next run, which recompiles only what
 * changed). Runs of one firmware take turns.
 */
public final class Firmware {
    private final HarkModel model;
    private final Target target;
    private final KernelLibrary kernels;
    private final Path directory;
    private final HarkFirmware.MissingTool missingTool;
    private FirmwareBuild.Result clipBuild;
    private FirmwareBuild.Result listenBuild;

    /**
     * @param directory   where the firmware projects go (created when first built)
     * @param missingTool what a missing compiler or QEMU does to the test
     */
    Firmware(HarkModel model, Target target, KernelLibrary kernels, Path directory,
             HarkFirmware.MissingTool missingTool) {
        this.model = model;
        this.target = target;
        this.kernels = kernels;
        this.directory = directory.toAbsolutePath().normalize();
        this.missingTool = missingTool;
    }

    public HarkModel model() {
        return model;
    }

    public Target target() {
        return target;
    }

    public KernelLibrary kernels() {
        return kernels;
    }

    /** Where the firmware projects and runs are. */
    public Path directory() {
        return directory;
    }

    /**
     * The clip harness, generated and built on the first call.
     *
     * @throws MissingToolException if make, the compiler or the size tool is missing (under
     *                              {@link HarkFirmware.MissingTool#SKIP}, the test is skipped instead)
     * @throws IOException          if generating or building fails
     */
    public synchronized FirmwareBuild.Result clipBuild() throws IOException {
        if (clipBuild == null) {
            FirmwareProject project = FirmwareProject.create(directory.resolve("clips"));
            CodeGenerator.generate(model.quantized(), project.generatedDirectory());
            clipBuild = build(FirmwareBuild.of(project, target));
        }
        return clipBuild;
    }

    /**
     * The listening harness for the model's attention window ({@link HarkModel#attentionWindow()}), generated and
     * built on the first call.
     *
     * @throws IllegalArgumentException if the model cannot stream
     * @throws MissingToolException     as {@link #clipBuild()}
     * @throws IOException              if generating or building fails
     */
    public synchronized FirmwareBuild.Result listenBuild() throws IOException {
        if (listenBuild == null) {
            FirmwareProject project = FirmwareProject.create(directory.resolve("listen"));
            CodeGenerator.generateStreaming(model.quantized(),
                    new CodegenConfig().withOutputDirectory(project.generatedDirectory().toString()),
                    model.attentionWindow());
            listenBuild = build(FirmwareBuild.of(project, target).optProgram(Program.LISTEN_HARNESS));
        }
        return listenBuild;
    }

    /**
     * Runs clips through the simulator and the firmware and compares every traced layer.
     *
     * @param ids      a name per clip, for the first difference's description
     * @param features the model's int8 input, one array per clip
     * @throws IllegalArgumentException if the lists differ in length or a clip is not the model's input size
     * @throws IOException              if building or running fails (a missing tool as in {@link #clipBuild()})
     */
    public synchronized TraceComparison.Result run(List<String> ids, List<byte[]> features) throws IOException {
        ClipVerification verification = new ClipVerification(model.quantized(), ids, features);
        FirmwareBuild.Result build = clipBuild();
        return orSkip(() -> verification.run(build, directory.resolve("clips-run")));
    }

    /** {@link #run(List, List)} on the clips of a folder ({@link HarkModel#clips(Path)}), named by their files. */
    public TraceComparison.Result run(Path folder) throws IOException {
        List<ClipFolder.NamedFeatures> clips = model.clips(folder);
        return run(clips.stream().map(ClipFolder.NamedFeatures::id).toList(),
                clips.stream().map(ClipFolder.NamedFeatures::features).toList());
    }

    /**
     * Plays the audio the simulator listened to to the listening firmware, in 10 ms calls as a microphone driver
     * delivers it, with the same detector settings, and compares every frame, step and detection.
     *
     * @throws IOException if building or running fails (a missing tool as in {@link #clipBuild()})
     */
    public synchronized Heard listen(Listening simulated) throws IOException {
        FirmwareBuild.Result build = listenBuild();
        ListenTrace trace = orSkip(() -> new ListenRunner(directory.resolve("listen-run")).run(build,
                simulated.pcm(), new int[] {FrontendConfig.HOP_SAMPLES}, simulated.settings()));
        return new Heard(simulated, trace, ListenComparison.compare(simulated.frames(), simulated.steps(),
                simulated.detections(), trace), build);
    }

    /** The simulator's listening ({@link HarkModel#listen(short[])}), then {@link #listen(Listening)}. */
    public Heard listen(short[] pcm) throws IOException {
        return listen(model.listen(pcm));
    }

    /** A 16 kHz mono 16-bit WAV file through the simulator and the listening firmware ({@link #listen(Listening)}). */
    public Heard listen(Path wav) throws IOException {
        return listen(model.listen(wav));
    }

    /**
     * What the listening firmware heard.
     *
     * @param simulated  what the simulator heard in the same audio
     * @param trace      every frame, step and detection of the firmware
     * @param comparison the two compared, byte for byte and detection for detection
     * @param build      the listening harness
     */
    public record Heard(Listening simulated, ListenTrace trace, ListenComparison.Result comparison,
                        FirmwareBuild.Result build) {
        /** The firmware's detections. */
        public List<KeywordEvent> detections() {
            return trace.events();
        }

        /** One line: the target, what it was built with, and the comparison. */
        public String summary() {
            return build.target().makeName() + " listening firmware with " + build.kernelsAndRounding() + ": "
                    + comparison.summary();
        }
    }

    @Override
    public String toString() {
        return target.makeName() + " firmware of " + model.describe() + " with " + kernels;
    }

    private FirmwareBuild.Result build(FirmwareBuild build) throws IOException {
        return orSkip(() -> build.optRounding(model.quantized().rounding()).optKernels(kernels).build());
    }

    /** An action that builds or runs firmware. */
    private interface FirmwareAction<T> {
        T run() throws IOException;
    }

    /** Runs {@code action}; a missing tool fails it, or under {@link HarkFirmware.MissingTool#SKIP} skips the test. */
    private <T> T orSkip(FirmwareAction<T> action) throws IOException {
        try {
            return action.run();
        } catch (MissingToolException e) {
            throw missingTool(e);
        }
    }

    /** What {@code missing} does to the test under this firmware's policy: the exception to throw. */
    IOException missingTool(MissingToolException missing) {
        if (missingTool == HarkFirmware.MissingTool.SKIP) {
            Assumptions.abort("skipped, the " + target.makeName() + " firmware cannot be built or run: "
                    + missing.getMessage());
        }
        return missing;
    }
}
