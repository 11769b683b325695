package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.testing.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated C compiles without a single warning under {@code -std=c99 -Wall -Wextra -Wconversion -Wshadow
 * -Werror}, for the host and for Cortex-M4, with and without comments, and refuses to compile against the wrong
 * rounding mode.
 */
@Slow
class GeneratedCodeCompileTest {
    @TempDir
    Path dir;

    @Test
    void tinyModelCompilesWithHostGcc() throws Exception {
        assumeTrue(CCompiler.isInstalled("gcc"), "gcc is not installed (scripts/install-deps)");
        CCompiler gcc = new CCompiler("gcc", dir.resolve("template"));
        assertCompiles(gcc, RandomModels.tiny(3), new CodegenConfig(), List.of());
        assertCompiles(gcc, RandomModels.tiny(4), new CodegenConfig().withEmitComments(false)
                .withPlanner(PlannerKind.LINEAR), List.of());
    }

    @Test
    void modelsWithoutAttentionCompileWithHostGcc() throws Exception {
        assumeTrue(CCompiler.isInstalled("gcc"), "gcc is not installed (scripts/install-deps)");
        CCompiler gcc = new CCompiler("gcc", dir.resolve("template"));
        assertCompiles(gcc, RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), 7, Rounding.DOUBLE),
                new CodegenConfig(), List.of());
        assertCompiles(gcc, RandomModels.create(RandomModels.smallStudentShape(), 8, Rounding.DOUBLE),
                new CodegenConfig().withEmitComments(false), List.of());
        assertCompiles(gcc, CodeGeneratorTest.lastStepAtTheEnd(), new CodegenConfig(), List.of());
    }

    @Test
    void smallStudentCompilesForCortexM4() throws Exception {
        assumeTrue(CCompiler.isInstalled("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed"
                + " (scripts/install-deps)");
        CCompiler arm = new CCompiler("arm-none-eabi-gcc", dir.resolve("template"));
        assertCompiles(arm, RandomModels.create(RandomModels.smallStudentShape(), 9, Rounding.DOUBLE),
                new CodegenConfig(), CCompiler.CORTEX_M4);
    }

    @Test
    void defaultSizeModelCompilesForCortexM4() throws Exception {
        assumeTrue(CCompiler.isInstalled("arm-none-eabi-gcc"), "arm-none-eabi-gcc is not installed"
                + " (scripts/install-deps)");
        CCompiler arm = new CCompiler("arm-none-eabi-gcc", dir.resolve("template"));
        assertCompiles(arm, RandomModels.defaultSize(5), new CodegenConfig(), CCompiler.CORTEX_M4);
    }

    @Test
    void singleRoundingModelNeedsASingleRoundingBuild() throws Exception {
        assumeTrue(CCompiler.isInstalled("gcc"), "gcc is not installed (scripts/install-deps)");
        CCompiler gcc = new CCompiler("gcc", dir.resolve("template"));
        QuantizedModel single = RandomModels.create(RandomModels.tinyShape(), 6, Rounding.SINGLE);
        assertCompiles(gcc, single, new CodegenConfig(), List.of("-DCMSIS_NN_USE_SINGLE_ROUNDING"));

        Path out = dir.resolve("wrong-rounding");
        CodeGenerator.generate(single, out);
        CCompiler.Outcome wrong = gcc.compileAll(out, List.of());
        assertNotEquals(0, wrong.exitCode());
        assertTrue(wrong.output().contains("CMSIS_NN_USE_SINGLE_ROUNDING"), wrong.output());
    }

    private void assertCompiles(CCompiler compiler, QuantizedModel model, CodegenConfig config, List<String> flags)
            throws Exception {
        Path out = dir.resolve("generated-" + model.info().name() + "-" + config.emitComments());
        CodeGenerator.generate(model, config.withOutputDirectory(out.toString()));
        CCompiler.Outcome outcome = compiler.compileAll(out, flags);
        assertEquals(0, outcome.exitCode(), outcome.output());
        assertEquals("", outcome.output(), "no warnings or notes expected");
    }
}
