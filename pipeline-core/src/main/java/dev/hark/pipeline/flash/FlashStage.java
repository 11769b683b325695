package dev.hark.pipeline.flash;

import dev.hark.codegen.CodeGenerator;
import dev.hark.codegen.CodegenConfig;
import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.run.BoardProgrammer;
import dev.hark.firmware.run.FirmwareBuild;
import dev.hark.firmware.run.FirmwareProject;
import dev.hark.firmware.run.FirmwareRunException;
import dev.hark.firmware.run.ModelFit;
import dev.hark.firmware.run.Program;
import dev.hark.firmware.run.Target;
import dev.hark.pipeline.firmware.ModelMisfitException;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code hark flash}: programs a board with an image, or first builds the model's image for it. The image built
 * from a model is the board's product firmware when hark has a microphone driver for it (microphone, front end,
 * streaming network, detector; a line on the console and the LED on each detection), otherwise the lean listening
 * firmware, which listens to generated audio and prints its figures on the console, showing the model runs there.
 * Neither has semihosting or a heap.
 */
public final class FlashStage {
    private final BoardDescriptor board;
    private final PrintStream progress;

    /**
     * @throws IllegalArgumentException if the board cannot be programmed by hark (no OpenOCD configuration)
     */
    public FlashStage(BoardDescriptor board, PrintStream progress) {
        this.board = board;
        this.progress = progress;
        BoardProgrammer.requireProgrammable(board);
    }

    /**
     * Builds the firmware of {@code model} for the board ({@link Program#flashedOn}) in {@code directory}, its
     * sources generated into the project there.
     *
     * @param modelName how messages name the model, e.g. its file
     * @param codegen   how the sources are generated (its output directory is set here)
     * @param kernels   the kernel library the firmware links
     * @return the build, its image (an ELF file) and its size
     * @throws ModelMisfitException naming the model, the board and the figures, if the network cannot fit the board,
     *                              before anything is generated
     * @throws IOException          if generating or building fails (a missing tool is a
     *                              {@code MissingToolException})
     */
    public FirmwareBuild.Result buildImage(QuantizedModel model, String modelName, CodegenConfig codegen,
            KernelLibrary kernels, Path directory) throws IOException {
        return buildImage(model, modelName, codegen, kernels, directory, Optional.empty());
    }

    /**
     * As {@link #buildImage(QuantizedModel, String, CodegenConfig, KernelLibrary, Path)}, but the sources are
     * generated into {@code codegen}'s output directory, where a build keeps them, and copied into the project.
     */
    public FirmwareBuild.Result buildImageFromGeneratedSources(QuantizedModel model, String modelName,
            CodegenConfig codegen, KernelLibrary kernels, Path directory) throws IOException {
        return buildImage(model, modelName, codegen, kernels, directory,
                Optional.of(Path.of(codegen.outputDirectory())));
    }

    private FirmwareBuild.Result buildImage(QuantizedModel model, String modelName, CodegenConfig codegen,
            KernelLibrary kernels, Path directory, Optional<Path> sources) throws IOException {
        int window = Lowering.defaultAttentionWindow(model);
        Program program = Program.flashedOn(board);
        ModelMisfitException.require(ModelFit.of(CodeGenerator.lowerStreaming(model, codegen, window), board, program),
                modelName);
        FirmwareProject project = FirmwareProject.create(directory);
        Path generated = sources.orElse(project.generatedDirectory());
        progress.println("flash: generating the streaming network in " + generated);
        CodeGenerator.generateStreaming(model, codegen.withOutputDirectory(generated.toString()), window);
        if (sources.isPresent()) {
            project.copyGeneratedSources(generated);
        }
        progress.println("flash: building the " + (program == Program.PRODUCT ? "product" : "lean listening")
                + " firmware for " + board.name() + " with " + kernels);
        FirmwareBuild.Result built = FirmwareBuild.of(project, Target.named(board.name()))
                .optProgram(program).optRounding(model.rounding()).optKernels(kernels).build();
        built.size().ifPresent(size -> progress.println("flash: " + size));
        built.memoryMap().ifPresent(map -> map.table().forEach(line -> progress.println("flash:   " + line)));
        return built;
    }

    /** The command that programs {@code image}. */
    public List<String> command(Path image) {
        return BoardProgrammer.command(board, image);
    }

    /**
     * Programs {@code image}; OpenOCD's output goes to {@code log}.
     *
     * @throws FirmwareRunException if OpenOCD is missing or fails
     */
    public void program(Path image, Path log) throws FirmwareRunException {
        progress.println("flash: programming the " + board.title() + " with " + image);
        BoardProgrammer.program(board, image, log);
        progress.println("flash: done; the board restarted with the new image");
    }
}
