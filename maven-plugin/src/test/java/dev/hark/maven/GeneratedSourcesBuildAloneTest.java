package dev.hark.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.net.NetworkSimulator;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the generate goal writes is all a C program needs: every {@code .c} under that directory compiled together
 * (front end and detector included, so they build from it too; the listening engine {@code hark_kws} only compiles
 * with a network generated for streaming), with the directory and the runtime folders'
 * {@code Include} on the include path, under hark's strict flags, the network computes the simulator's output for a
 * clip.
 */
@Slow
class GeneratedSourcesBuildAloneTest {
    private static final Path LISTENING_ENGINE = Path.of("hark-kws", "Source", "hark_kws.c");

    @TempDir
    Path dir;

    @Test
    void theOutputDirectoryAloneBuildsANetworkThatMatchesTheSimulator() throws Exception {
        Mojos.assumeTools("gcc");
        QuantizedModel model = RandomModels.tiny(51);
        Path modelFile = Mojos.modelFile(dir, model);
        Path out = dir.resolve("generated");
        Mojos.generate(modelFile, out, new RecordingLog()).execute();

        byte[] features = RandomModels.features(model, 1, 52).get(0);
        Path main = dir.resolve("main.c");
        Files.writeString(main, mainProgram(features));
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Wconversion",
                "-Wshadow", "-Werror", "-O2", "-I" + out));
        for (String folder : FirmwareTemplate.RUNTIME_FOLDERS) {
            command.add("-I" + out.resolve(folder).resolve("Include"));
        }
        command.addAll(List.of("-o", dir.resolve("network").toString(), main.toString()));
        // Everything but the listening engine, which is built around a network generated for streaming.
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.toString().endsWith(".c")).filter(p -> !p.endsWith(LISTENING_ENGINE)).sorted()
                    .forEach(p -> command.add(p.toString()));
        }
        ProcessRunner.Finished build = ProcessRunner.run(command, dir, dir.resolve("gcc.log"), Duration.ofMinutes(2));
        assertEquals(0, build.exitCode(), build.tail());

        ProcessRunner.Finished run = ProcessRunner.run(List.of(dir.resolve("network").toString()), dir,
                dir.resolve("run.log"), Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.tail());
        assertEquals(decimalLines(new NetworkSimulator(model).run(features).output()), run.output());
    }

    private static String mainProgram(byte[] features) {
        StringJoiner values = new StringJoiner(", ");
        for (byte b : features) {
            values.add(Integer.toString(b));
        }
        return "#include <stdio.h>\n#include \"hark_network.h\"\n"
                + "static const int8_t features[HARK_INPUT_SIZE] = {" + values + "};\n"
                + "static int8_t arena[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));\n"
                + "int main(void) {\n"
                + "    int8_t output[HARK_OUTPUT_SIZE];\n"
                + "    if (hark_network_run(arena, features, output, NULL, NULL) != ARM_CMSIS_NN_SUCCESS) {\n"
                + "        return 1;\n"
                + "    }\n"
                + "    for (int i = 0; i < HARK_OUTPUT_SIZE; i++) {\n"
                + "        printf(\"%d\\n\", output[i]);\n"
                + "    }\n"
                + "    return 0;\n"
                + "}\n";
    }

    private static String decimalLines(byte[] values) {
        StringBuilder text = new StringBuilder();
        for (byte b : values) {
            text.append(b).append('\n');
        }
        return text.toString();
    }
}
