package dev.hark.maven;

import dev.hark.codegen.CodeGenerator;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.firmware.run.BoardProgrammer;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.ModelFit;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the model's listening firmware into a real board's flash with OpenOCD, as {@code hark flash --model} does:
 * generates the streaming network, builds the board's image (its product firmware where hark has a microphone driver
 * for it, otherwise the lean listening firmware; neither has semihosting or a heap, {@code Program.flashedOn}) and
 * programs it through the board's debug probe; with {@code dryRun}, logs the OpenOCD command instead.
 */
@Mojo(name = "flash", threadSafe = true)
public class FlashMojo extends AbstractGenerateMojo {
    /**
     * The real board to program, by its folder name in the firmware template (hark boards lists the boards and how
     * each is programmed).
     */
    @Parameter(property = "hark.board")
    String board;

    /** Print the OpenOCD command that would program the board instead of running it; the firmware is still built. */
    @Parameter(property = "hark.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Where the firmware is built. */
    @Parameter(property = "hark.firmwareDirectory", defaultValue = "${project.build.directory}/hark-firmware",
            required = true)
    File firmwareDirectory;

    @Override
    void executeGoal() throws MojoFailureException {
        BoardDescriptor descriptor = programmableBoard();
        QuantizedModel model = readModel();
        KernelLibrary kernels = kernels();
        Path image;
        int window = Lowering.defaultAttentionWindow(model);
        Program program = Program.flashedOn(descriptor);
        Optional<String> misfit = ModelFit.of(CodeGenerator.lowerStreaming(model, codegenConfig(), window), descriptor,
                program).problem(this.model.toString());
        if (misfit.isPresent()) {
            throw new MojoFailureException(misfit.get());
        }
        try {
            CodeGenerator.generateStreaming(model, codegenConfig(), window);
            FirmwareProject project = FirmwareProject.create(firmwareDirectory.toPath().resolve(descriptor.name()))
                    .copyGeneratedSources(outputDirectory.toPath());
            FirmwareBuild.Result built = FirmwareBuild.of(project, Target.named(descriptor.name()))
                    .optProgram(program).optRounding(model.rounding()).optKernels(kernels).build();
            getLog().info("Built the " + (program == Program.PRODUCT ? "product" : "lean listening") + " firmware for "
                    + descriptor.name() + ": " + built.executable() + built.size().map(size -> " (" + size + ")")
                    .orElse(""));
            image = built.executable();
        } catch (FirmwareRunException e) {
            throw AbstractFirmwareMojo.failure(e, getLog());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException(model + ": " + e.getMessage(), e);
        }
        if (dryRun) {
            getLog().info(String.join(" ", BoardProgrammer.command(descriptor, image)));
            return;
        }
        try {
            BoardProgrammer.program(descriptor, image, image.resolveSibling("openocd.log"));
        } catch (FirmwareRunException e) {
            throw AbstractFirmwareMojo.failure(e, getLog());
        }
        getLog().info("Programmed the " + descriptor.title() + "; it restarted with the new firmware");
    }

    /** The board the parameter names, if hark can program it; otherwise a failure naming the parameter. */
    private BoardDescriptor programmableBoard() throws MojoFailureException {
        String known = Boards.all().stream().filter(b -> !b.openocdConfigs().isEmpty()).map(BoardDescriptor::name)
                .collect(Collectors.joining(", "));
        if (board == null || board.isBlank()) {
            throw new MojoFailureException("The parameter board is not set: name the board to program (" + known
                    + ").");
        }
        BoardDescriptor descriptor = Boards.named(board.strip()).orElseThrow(() -> new MojoFailureException(
                "The parameter board names an unknown board '" + board + "': use " + known + "."));
        try {
            BoardProgrammer.requireProgrammable(descriptor);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The parameter board: " + e.getMessage() + ".");
        }
        return descriptor;
    }
}
