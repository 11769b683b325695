package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.firmware.board.BoardDescriptor;
import dev.hark.firmware.board.Boards;
import dev.hark.sim.io.Executables;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every C file of hark's own that the firmware Makefile compiles (kernels, portable CMSIS-NN subset, front end,
 * detector, PDM decimator, harnesses, benchmarks, board services, tests) and the C generated for a model, streaming
 * and whole-clip, compile with {@code -Wall -Wextra -Wconversion -Wshadow -Werror}: with gcc for the host and with
 * arm-none-eabi-gcc for every board (each core, each board's own services). Only objects are built, so no program's
 * memory budget stands in the way.
 */
@Slow
class FirmwareWarningsTest {
    private static final List<String> STRICT_FLAGS = List.of("-Wall", "-Wextra", "-Wconversion", "-Wshadow",
            "-Werror");
    /** A compile command of make's output, and the source file it compiles. */
    private static final Pattern COMPILE = Pattern.compile("^\\S*gcc .* -c (\\S+\\.c) .*$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    private static Path template;
    private static Path streaming;
    private static Path wholeClip;

    @BeforeAll
    static void generate() throws IOException {
        template = dir.resolve("template");
        FirmwareTemplate.extractTo(template);
        streaming = dir.resolve("streaming");
        CodeGenerator.generateStreaming(RandomModels.listening(3),
                new CodegenConfig().withOutputDirectory(streaming.toString()), 11);
        wholeClip = dir.resolve("whole-clip");
        CodeGenerator.generate(RandomModels.tiny(4), new CodegenConfig().withOutputDirectory(wholeClip.toString()));
    }

    @Test
    void hostGccCompilesEveryFileWithoutAWarning() throws IOException {
        assumeTrue(Executables.isInstalled("make") && Executables.isInstalled("gcc"), "make or gcc is missing");
        Set<String> compiled = new TreeSet<>();
        compiled.addAll(compileObjects("host", streaming, "streaming-objects"));
        compiled.addAll(compileObjects("host", wholeClip, "whole-clip-objects"));
        // The product firmware runs on a board only; its capture ring is tested on the host.
        assertEveryFileCompiled(compiled, "host", file -> !file.startsWith("boards/")
                && !file.equals("product/hark_product_main.c"));
    }

    @Test
    void armGccCompilesEveryFileForEveryBoardWithoutAWarning() throws IOException {
        assumeTrue(Executables.isInstalled("make") && Executables.isInstalled("arm-none-eabi-gcc"),
                "make or arm-none-eabi-gcc is missing");
        Set<String> compiled = new TreeSet<>();
        for (BoardDescriptor board : Boards.all()) {
            compiled.addAll(compileObjects(board.name(), streaming, "streaming-objects"));
        }
        // The whole-clip programs' own files hold no board-specific code: one board's core is enough for them.
        compiled.addAll(compileObjects(Boards.all().get(0).name(), wholeClip, "whole-clip-objects"));
        // The Pico's second-stage boot loader and its host-built CRC tool are among its objects (BOARD_IMAGE_OBJECTS).
        // The host's benchmark services and files (hark_file.h over stdio) are the host's own.
        assertEveryFileCompiled(compiled, "boards", file -> !file.equals("harness/hark_bench_board_host.c")
                && !file.equals("harness/hark_file_stdio.c") && !file.equals("test/capture_test.c"));
    }

    /**
     * Runs make for the goal's objects.
     *
     * @return the template-relative paths of the template files compiled (generated files as {@code generated/<name>})
     */
    private static List<String> compileObjects(String target, Path generated, String goal) throws IOException {
        Path build = dir.resolve("build-" + target + "-" + goal);
        List<String> command = List.of("make", "-j2", "-C", template.toString(), "TARGET=" + target,
                "BUILD_DIR=" + build, "GENERATED_DIR=" + generated, goal);
        ProcessRunner.Finished make = ProcessRunner.run(command, dir, dir.resolve(target + "-" + goal + ".log"),
                Duration.ofMinutes(10));
        String context = "make " + goal + " for " + target;
        assertEquals(0, make.exitCode(), () -> context + " failed:\n" + make.tail());
        assertFalse(make.output().contains("warning:"), () -> context + " warned:\n" + make.output());

        List<String> compiled = new ArrayList<>();
        Matcher compile = COMPILE.matcher(make.output());
        while (compile.find()) {
            Path source = Path.of(compile.group(1));
            String line = compile.group();
            if (source.startsWith(generated)) {
                compiled.add("generated/" + source.getFileName());
            } else {
                compiled.add(template.relativize(source).toString().replace('\\', '/'));
            }
            List<String> words = List.of(line.split(" "));
            for (String flag : STRICT_FLAGS) {
                assertTrue(words.contains(flag), () -> context + ": " + source + " compiled without " + flag + ": "
                        + line);
            }
        }
        assertFalse(compiled.isEmpty(), () -> context + " compiled nothing:\n" + make.tail());
        return compiled;
    }

    /**
     * Checks that {@code compiled} holds every template C file that {@code builtThere} accepts (but the stand-in
     * network of the harness tests) and the generated model's files.
     */
    private static void assertEveryFileCompiled(Set<String> compiled, String where, Predicate<String> builtThere) {
        Set<String> expected = new TreeSet<>();
        for (String file : FirmwareTemplate.files()) {
            if (file.endsWith(".c") && !file.startsWith("test/fake-network/") && builtThere.test(file)) {
                expected.add(file);
            }
        }
        expected.addAll(List.of("generated/hark_network.c", "generated/hark_model_data.c",
                "generated/hark_frontend_tables.c"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(compiled);
        assertTrue(missing.isEmpty(), () -> "not compiled with the strict flags (" + where + "): " + missing);
    }
}
