package dev.hark.maven;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.pipeline.firmware.ModelMisfitException;
import dev.hark.pipeline.flash.FlashStage;
import dev.hark.sim.model.QuantizedModel;
import java.io.IOException;
import java.nio.file.Path;
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
public class FlashMojo extends AbstractBuildMojo {
    /**
     * The real board to program, by its folder name in the firmware template (hark boards lists the boards and how
     * each is programmed).
     */
    @Parameter(property = "hark.board")
    String board;

    /** Print the OpenOCD command that would program the board instead of running it; the firmware is still built. */
    @Parameter(property = "hark.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    void executeGoal() throws MojoFailureException {
        BoardDescriptor descriptor = namedBoard();
        FlashStage stage;
        try {
            stage = new FlashStage(descriptor, LogLines.of(getLog()));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("The parameter board: " + e.getMessage() + ".");
        }
        QuantizedModel model = readModel();
        KernelLibrary kernels = kernels();
        try {
            Path image = stage.buildImageFromGeneratedSources(model, this.model.toString(), codegenConfig(), kernels,
                    firmwareDirectory.toPath().resolve(descriptor.name())).executable();
            if (dryRun) {
                getLog().info(String.join(" ", stage.command(image)));
                return;
            }
            stage.program(image, image.resolveSibling("openocd.log"));
        } catch (ModelMisfitException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (FirmwareRunException e) {
            throw AbstractFirmwareMojo.failure(e, getLog());
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException(model + ": " + e.getMessage(), e);
        }
    }

    /** The board the parameter names, among those hark can program; otherwise a failure naming the parameter. */
    private BoardDescriptor namedBoard() throws MojoFailureException {
        String known = Boards.all().stream().filter(b -> !b.openocdConfigs().isEmpty()).map(BoardDescriptor::name)
                .collect(Collectors.joining(", "));
        if (board == null || board.isBlank()) {
            throw new MojoFailureException("The parameter board is not set: name the board to program (" + known
                    + ").");
        }
        return Boards.named(board.strip()).orElseThrow(() -> new MojoFailureException(
                "The parameter board names an unknown board '" + board + "': use " + known + "."));
    }
}
