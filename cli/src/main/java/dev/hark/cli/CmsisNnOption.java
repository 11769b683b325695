package dev.hark.cli;

import dev.hark.firmware.KernelLibrary;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --cmsis-nn} option of the commands that generate or build firmware; a shared setting
 * ({@link dev.hark.config.Setting#CMSIS_NN_DIRECTORY}), its description comes from there.
 */
final class CmsisNnOption {
    @Option(names = "--cmsis-nn", paramLabel = "<dir>")
    Path directory;

    /**
     * The kernel library chosen, after a warning on {@code err} when the environment variable make used to take it
     * from names another.
     *
     * @throws HarkException (bad input, naming the option) if the folder is not a CMSIS-NN checkout
     */
    KernelLibrary kernels(Map<String, String> environment, PrintStream err) {
        KernelLibrary kernels;
        try {
            kernels = KernelLibrary.of(directory);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--cmsis-nn: " + e.getMessage());
        }
        kernels.environmentDisagreement(environment).ifPresent(warning -> err.println("hark: warning: " + warning
                + "; choose the library with --cmsis-nn"));
        return kernels;
    }
}
