package dev.hark.cli;

import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.firmware.run.BoardProgrammer;
import dev.hark.pipeline.firmware.ModelInput;
import dev.hark.pipeline.flash.FlashStage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hark flash}: programs a real board with OpenOCD. */
@Command(name = "flash",
        description = "Program a real board through its debug probe with OpenOCD: a firmware image, or the listening"
                + " firmware built from a model.")
final class FlashCommand extends Subcommand {
    @Option(names = "--board", required = true, paramLabel = "NAME")
    String board;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Image image;

    /** What goes into the flash: an image given, or one built from a model. */
    static final class Image {
        @Option(names = "--image", paramLabel = "ELF", description = "A firmware image (.elf) built for the board.")
        Path elf;

        @Option(names = {"-m", "--model"}, paramLabel = "MODEL")
        Path model;
    }

    @Mixin
    CodegenOptions codegen;

    @Option(names = {"-o", "--out"}, defaultValue = "build/flash", paramLabel = "DIR",
            description = "Where the sources are generated and the firmware built, with --model. Default:"
                    + " ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--dry-run")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        BoardDescriptor descriptor = Boards.named(board).orElseThrow(() -> new HarkException(ExitCode.BAD_INPUT,
                "--board: no board '" + board + "'; the boards are " + Boards.all().stream()
                        .map(BoardDescriptor::name).collect(Collectors.joining(", "))));
        FlashStage stage;
        try {
            stage = new FlashStage(descriptor, System.err);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--board: " + e.getMessage());
        }
        Path elf = image.elf;
        if (elf == null) {
            elf = stage.buildImage(ModelInput.read(image.model), image.model.toString(), codegen.config(),
                    codegen.kernels(System.getenv(), System.err), out.resolve(descriptor.name())).executable();
        } else {
            BoardProgrammer.requireElf(elf);
        }
        PrintWriter stdout = out();
        if (dryRun) {
            stdout.println(stage.command(elf).stream().map(FlashCommand::shellWord).collect(Collectors.joining(" ")));
            return ExitCode.OK.code();
        }
        stage.program(elf, elf.toAbsolutePath().resolveSibling("openocd.log"));
        return ExitCode.OK.code();
    }

    /** The word as a POSIX shell reads it back: quoted when it holds anything but safe characters. */
    static String shellWord(String word) {
        if (word.matches("[A-Za-z0-9_./=:+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
