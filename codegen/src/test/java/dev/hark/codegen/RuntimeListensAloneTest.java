package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hark.firmware.FirmwareTemplate;
import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.io.ProcessRunner;
import dev.hark.sim.listen.KeywordListener;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.program.Lowering;
import dev.hark.testing.Slow;
import dev.hark.trainer.quant.RandomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime a user gets ({@code FirmwareTemplate.syncRuntimeTo}, as {@code hark generate} writes it) with a network
 * generated for streaming beside it is all a listening program needs: a Makefile that includes its {@code hark.mk}
 * alone builds one (front end, PDM decimator, streaming network, detector, {@code hark_kws}) under strict flags on the
 * host, and it makes the Java listener's frames, steps and detections.
 */
@Slow
class RuntimeListensAloneTest {
    private static final int SAMPLES = 16_000;

    @TempDir
    Path dir;

    @Test
    void aMakefileThatIncludesTheRuntimesFragmentBuildsAListeningProgram() throws Exception {
        Assumptions.assumeTrue(CCompiler.isInstalled("gcc") && CCompiler.isInstalled("make"), "gcc and make");
        QuantizedModel model = RandomModels.listening(7);
        int window = Lowering.defaultAttentionWindow(model);
        Path runtime = dir.resolve("hark");
        FirmwareTemplate.syncRuntimeTo(runtime);
        CodeGenerator.generateStreaming(model, new CodegenConfig().withOutputDirectory(runtime.toString()), window);
        short[] samples = new short[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = (short) ((i * 7919 % 2001 - 1000) * (i / 4000 + 1)); // louder each quarter second
        }
        Files.writeString(dir.resolve("main.c"), mainProgram(samples));
        Files.writeString(dir.resolve("Makefile"), """
                include hark/hark.mk
                CFLAGS += $(HARK_CFLAGS) -std=c99 -Wall -Wextra -Wconversion -Wshadow -Werror -O1
                listen: main.o $(call hark_objects,obj)
                \t$(CC) -o $@ $^
                main.o: main.c
                \t$(CC) $(CFLAGS) -c $< -o $@
                obj/%.o: /%.c
                \tmkdir -p $(@D) && $(CC) $(CFLAGS) -c $< -o $@
                """);
        ProcessRunner.Finished make = ProcessRunner.run(List.of("make", "-s", "listen"), dir, dir.resolve("make.log"),
                Duration.ofMinutes(3));
        assertEquals(0, make.exitCode(), make.tail());
        ProcessRunner.Finished run = ProcessRunner.run(List.of(dir.resolve("listen").toString()), dir,
                dir.resolve("run.log"), Duration.ofMinutes(1));
        assertEquals(0, run.exitCode(), run.tail());

        KeywordListener.Heard heard = KeywordListener.hear(Lowering.lowerStreaming(model, window),
                DetectionSettings.DEFAULT, samples);
        StringBuilder expected = new StringBuilder();
        for (byte[] frame : heard.frames()) {
            StringJoiner values = new StringJoiner(" ", "frame ", "\n");
            for (byte b : frame) {
                values.add(Integer.toString(b));
            }
            expected.append(values);
        }
        expected.append("steps ").append(heard.steps().size()).append(" detections ")
                .append(heard.detections().size()).append('\n');
        assertEquals(expected.toString(), run.output());
    }

    private static String mainProgram(short[] samples) {
        StringJoiner values = new StringJoiner(", ");
        for (short s : samples) {
            values.add(Integer.toString(s));
        }
        return """
                #include <stdio.h>
                #include "hark_kws.h"
                #include "hark_pdm.h"
                static const int16_t samples[] = {%s};
                static int8_t arena[HARK_KWS_ARENA_SIZE] __attribute__((aligned(HARK_KWS_ARENA_ALIGNMENT)));
                static hark_kws kws;
                static uint32_t detections;
                static void on_frame(const int8_t features[HARK_FRONTEND_MEL_BINS], void *user) {
                    (void)user;
                    printf("frame");
                    for (int i = 0; i < HARK_FRONTEND_MEL_BINS; i++) {
                        printf(" %%d", features[i]);
                    }
                    printf("\\n");
                }
                static void on_event(const hark_kws_event *event, void *user) {
                    (void)event;
                    (void)user;
                    detections++;
                }
                int main(void) {
                    const hark_kws_config config = {{5, 192, 12}, on_event, NULL, on_frame, NULL, NULL, NULL};
                    if (hark_kws_init(&kws, arena, sizeof(arena), &config) != ARM_CMSIS_NN_SUCCESS
                            || hark_kws_process(&kws, samples, sizeof(samples) / sizeof(samples[0]))
                                   != ARM_CMSIS_NN_SUCCESS) {
                        return 1;
                    }
                    printf("steps %%lu detections %%lu\\n", (unsigned long)kws.steps, (unsigned long)detections);
                    return 0;
                }
                """.formatted(values);
    }
}
