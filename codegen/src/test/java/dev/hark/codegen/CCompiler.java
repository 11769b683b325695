package dev.hark.codegen;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.io.Executables;
import dev.hark.sim.io.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Compiles generated C files alone (no linking), as the firmware build compiles them, for the compile tests. */
final class CCompiler {
    static final List<String> STRICT = List.of("-std=c99", "-Wall", "-Wextra", "-Wconversion", "-Wshadow",
            "-Werror", "-O2");
    static final List<String> CORTEX_M4 = List.of("-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard",
            "-mfpu=fpv4-sp-d16");

    /** A finished compilation. */
    record Outcome(int exitCode, String output) {
    }

    private final String compiler;
    private final Path template;

    /** @param template a directory the firmware template is extracted to */
    CCompiler(String compiler, Path template) {
        this.compiler = compiler;
        this.template = template;
        FirmwareTemplate.extractTo(template);
    }

    static boolean isInstalled(String compiler) {
        return Executables.isInstalled(compiler);
    }

    /** Compiles every {@code .c} file of {@code generated} to an object file next to it. */
    Outcome compileAll(Path generated, List<String> extraFlags) throws IOException {
        List<Path> sources;
        try (var list = Files.list(generated)) {
            sources = list.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        StringBuilder output = new StringBuilder();
        for (Path source : sources) {
            List<String> command = new ArrayList<>(List.of(compiler));
            command.addAll(STRICT);
            command.addAll(extraFlags);
            command.addAll(List.of("-I" + template.resolve("cmsis-nn-portable/Include"),
                    "-I" + template.resolve("hark-kernels/Include"), "-I" + generated, "-c", source.toString(),
                    "-o", source + ".o"));
            ProcessRunner.Finished compiled = ProcessRunner.run(command, generated, Path.of(source + ".log"),
                    Duration.ofMinutes(2));
            output.append(compiled.output());
            if (compiled.exitCode() != 0) {
                return new Outcome(compiled.exitCode(), source.getFileName() + ":\n" + output);
            }
        }
        return new Outcome(0, output.toString());
    }
}
