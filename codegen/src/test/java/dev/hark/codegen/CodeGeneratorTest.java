package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.program.plan.MemoryPlan;
import dev.hark.codegen.build.SourcesBuilder;
import dev.hark.sim.program.KernelProgram;
import dev.hark.sim.program.Lowering;
import dev.hark.sim.program.Tensor;
import dev.hark.sim.program.plan.PlannedBuffer;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.Layer;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.io.ModelFile;
import dev.hark.sim.model.io.ModelFormatException;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class CodeGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void generatesFromAModelFileAndRewritesNothingTheSecondTime() throws IOException {
        Path modelFile = dir.resolve("tiny.hark");
        ModelFile.write(RandomModels.tiny(1), modelFile);
        CodegenConfig config = new CodegenConfig().withModelFile(modelFile.toString())
                .withOutputDirectory(dir.resolve("out").toString());
        GenerationResult first = CodeGenerator.generate(config);
        assertEquals(List.of("hark_frontend_tables.c", "hark_frontend_tables.h", "hark_model_data.c",
                "hark_model_data.h", "hark_model_settings.h", "hark_network.c", "hark_network.h"), first.written());
        GenerationResult second = CodeGenerator.generate(config);
        assertEquals(List.of(), second.written());
        assertEquals(first.written(), second.unchanged());
        assertEquals(first.arenaBytes(), second.arenaBytes());
    }

    @Test
    void aMissingModelFileIsNamedInTheError() {
        Path missing = dir.resolve("missing.hark");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> CodeGenerator.generate(
                new CodegenConfig().withModelFile(missing.toString()).withOutputDirectory(dir.toString())));
        assertTrue(e.getMessage().startsWith(missing.toString()), e.getMessage());
    }

    @Test
    void theCallersArenaHoldsExactlyThePlannedBuffers() {
        QuantizedModel model = RandomModels.tiny(2);
        var sources = CodeGenerator.build(model, new CodegenConfig());
        Map<String, String> files = CodeGenerator.render(sources);
        String network = files.get("hark_network.c");
        assertTrue(files.get("hark_network.h").contains("#define HARK_ARENA_SIZE " + sources.memoryPlan().peakBytes()
                + "\n"), files.get("hark_network.h"));
        List<String> leftOut = new ArrayList<>();
        for (PlannedBuffer b : sources.memoryPlan().buffers()) {
            if (!network.contains("int8_t *const " + b.name() + " = arena + " + b.offset() + ";")) {
                leftOut.add(b.name());
            }
        }
        // Only the buffer no call of the code touches: hark_attention_scores_s8 stores no energies.
        assertEquals(List.of("attention_energy"), leftOut, network);
        assertFalse(network.contains("static int8_t"), "no mutable globals");
        assertFalse(network.contains("malloc"));
    }

    @Test
    void aStreamingNetworkResetsEveryStateBufferAndRunsOneStep() {
        QuantizedModel model = RandomModels.tiny(2);
        KernelProgram program = Lowering.lowerStreaming(model, 5);
        var sources = new SourcesBuilder(true, PlannerKind.GREEDY.create(SourcesBuilder.ARENA_ALIGNMENT))
                .buildStreaming(model, 5);
        Map<String, String> files = CodeGenerator.render(sources);
        String header = files.get("hark_network.h");
        String network = files.get("hark_network.c");
        assertTrue(header.contains("#define HARK_WINDOW_FRAMES 6\n") && header.contains("#define HARK_HOP_FRAMES 4\n")
                && header.contains("#define HARK_ATTENTION_WINDOW 5\n"), header);
        assertTrue(header.contains("hark_network_step(") && !header.contains("hark_network_run("), header);
        for (Tensor t : program.state()) {
            PlannedBuffer b = sources.memoryPlan().get(t.name());
            assertTrue(network.contains("memset(arena + " + b.offset() + ", " + t.resetValue() + ", " + b.size()
                    + ");"), t.name());
        }
        assertTrue(network.contains("hark_window_push_s8(attention_hidden, 8, 5, gru2_state)"), network);
    }

    @Test
    void theAttentionContextReadsTheHiddenStatesInPlaceWhereItsOutputLeavesThemAlone() {
        QuantizedModel student = RandomModels.create(RandomModels.smallStudentShape().toBuilder().optAttention(true)
                .build(), 7, Rounding.DOUBLE);
        var sources = CodeGenerator.build(student, new CodegenConfig());
        String network = CodeGenerator.render(sources).get("hark_network.c");
        assertTrue(network.contains("HARK_CHECK(hark_fully_connected_transposed_s8(&ctx,")
                && network.contains("&filter_dims, gru1_output,"), network);
        assertFalse(network.contains("hark_transpose_s8(") || network.contains("attention_hidden_t ="), network);
        assertTrue(network.contains("HARK_CHECK(hark_attention_scores_s8(&hark_attention_energy,"
                + " hark_attention_tanh_energy, &hark_attention_score,\n") && !network.contains("hark_lut_s8("), network);
        assertFalse(sources.memoryPlan().get("gru1_output").sharesBytesWith(
                sources.memoryPlan().get("attention_context")), sources.memoryPlan().toTable());

        String stream = CodeGenerator.render(new SourcesBuilder(true,
                PlannerKind.GREEDY.create(SourcesBuilder.ARENA_ALIGNMENT)).buildStreaming(student, 14))
                .get("hark_network.c");
        assertTrue(stream.contains("hark_fully_connected_transposed_s8(") && !stream.contains("hark_transpose_s8("),
                stream);

        // The tiny network's planner puts the context over the hidden states, dead once copied: the copy stays.
        QuantizedModel tiny = RandomModels.tiny(2);
        var tinySources = CodeGenerator.build(tiny, new CodegenConfig());
        String tinyNetwork = CodeGenerator.render(tinySources).get("hark_network.c");
        assertTrue(tinySources.memoryPlan().get("gru2_output").sharesBytesWith(
                tinySources.memoryPlan().get("attention_context")), tinySources.memoryPlan().toTable());
        assertTrue(tinyNetwork.contains("hark_transpose_s8(gru2_output, attention_hidden_t, 7, 8)")
                && tinyNetwork.contains("HARK_CHECK(hark_fully_connected_s8(&ctx,")
                && !tinyNetwork.contains("hark_fully_connected_transposed_s8("), tinyNetwork);
    }

    @Test
    void theLinearPlanNeedsAtLeastAsMuchAsTheGreedyPlan() {
        QuantizedModel model = RandomModels.defaultSize(3);
        int greedy = CodeGenerator.build(model, new CodegenConfig()).memoryPlan().peakBytes();
        int linear = CodeGenerator.build(model, new CodegenConfig().withPlanner(PlannerKind.LINEAR))
                .memoryPlan().peakBytes();
        assertTrue(greedy < linear, greedy + " vs " + linear);
    }

    @Test
    void withoutCommentsOnlyBannersAndApiDocumentationRemain() {
        Map<String, String> files = CodeGenerator.render(CodeGenerator.build(RandomModels.tiny(4),
                new CodegenConfig().withEmitComments(false)));
        String data = files.get("hark_model_data.c");
        assertEquals(1, data.split("/\\*", -1).length - 2, "banner plus the note on CMSIS-NN's non-const pointers");
        assertFalse(files.get("hark_network.c").contains("Memory plan"));
        assertTrue(files.get("hark_network.h").contains("@return ARM_CMSIS_NN_SUCCESS"));
    }

    @Test
    void tracedTensorsAreListedInSimulatorOrder() {
        QuantizedModel model = RandomModels.tiny(5);
        Map<String, String> files = CodeGenerator.render(CodeGenerator.build(model, new CodegenConfig()));
        String header = files.get("hark_network.h");
        List<Layer.TracedTensor> traced = model.tracedTensors();
        assertTrue(header.contains("#define HARK_LAYER_COUNT " + traced.size() + "\n"));
        assertTrue(header.contains("#define HARK_INPUT_SIZE 360\n"));
        assertTrue(header.contains("#define HARK_OUTPUT_SIZE 2\n"));
        assertTrue(header.contains("#define HARK_LAYER_ATTENTION_WEIGHTS 3\n"), header);
        String source = files.get("hark_network.c");
        int previous = -1;
        for (Layer.TracedTensor t : traced) {
            int at = source.indexOf("\"" + t.name() + "\",");
            assertTrue(at > previous, t.name());
            previous = at;
        }
    }

    @Test
    void lastStepPoolingReadsTheGruOutputInPlaceAndKeepsItAlive() {
        QuantizedModel model = RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), 8, Rounding.DOUBLE);
        var sources = CodeGenerator.build(model, new CodegenConfig());
        String network = CodeGenerator.render(sources).get("hark_network.c");
        // gru2 is [7 steps][8 units]: the last step starts at byte 48.
        assertTrue(network.contains("    const int8_t *const context = gru2_output + 48;\n"
                + "    hark_emit_trace(trace, user, HARK_LAYER_CONTEXT, context);\n"), network);
        assertTrue(network.contains("&input_dims, context,"), "the classifier reads the traced bytes");
        assertFalse(network.contains("attention"), network);

        MemoryPlan plan = sources.memoryPlan();
        PlannedBuffer gru = plan.get("gru2_output");
        PlannedBuffer logits = plan.get("logits_output");
        assertEquals(logits.request().firstUse(), gru.request().lastUse(), "alive until the classifier has read it");
        assertFalse(gru.sharesBytesWith(logits), plan.toTable());
        assertThrows(IllegalArgumentException.class, () -> plan.get("context"), "a view takes no arena bytes");
    }

    @Test
    void aLastStepLayerThatEndsTheNetworkCopiesIntoTheOutput() {
        var sources = CodeGenerator.build(lastStepAtTheEnd(), new CodegenConfig());
        String network = CodeGenerator.render(sources).get("hark_network.c");
        assertTrue(network.contains("""
                    for (int32_t i = 0; i < 2; i++)
                    {
                        output[i] = logits_output[2 + i];
                    }
                    hark_emit_trace(trace, user, HARK_LAYER_CONTEXT, output);
                """), network);
        assertTrue(CodeGenerator.render(sources).get("hark_model_settings.h")
                .contains("#define HARK_OUTPUT_ZERO_POINT (-5)"), "the output is on the dense layer's grid");
    }

    /** A dense layer of 2 steps x 2 values, then the last step as the network's output. */
    static QuantizedModel lastStepAtTheEnd() {
        ModelInfo info = new ModelInfo("last-step-at-the-end", "sheila", List.of("other", "sheila"), 1, 3,
                new TensorQuant(0.125f, -3), "hark-logmel-v1", "test");
        FullyConnected fc = new FullyConnected(3, 4, new byte[] {1, -2, 3, -127, 127, 0, 5, 6, 7, 8, 9, 10},
                new int[] {100, -7, 0, 3}, 3, -5, 1 << 30, -3, -128, 127);
        return new QuantizedModel(info, Rounding.DOUBLE, List.of(
                new DenseLayer("logits", fc, new TensorQuant(0.5f, -5)), new LastStepLayer("context", 2, 2)));
    }

    @Test
    void rejectsModelsWhoseLabelsDoNotMatchTheOutput() {
        QuantizedModel model = RandomModels.tiny(6);
        ModelInfo info = model.info();
        QuantizedModel threeLabels = new QuantizedModel(new ModelInfo(info.name(), info.keyword(),
                List.of("a", "b", "c"), info.frames(), info.melBins(), info.inputQuant(), info.frontend(),
                info.producer()), model.rounding(), model.layers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeGenerator.build(threeLabels, new CodegenConfig()));
        assertTrue(e.getMessage().contains("3 labels but 2 outputs"), e.getMessage());
    }

    @Test
    void rejectsLayersThatDoNotFitTogether() {
        QuantizedModel model = RandomModels.tiny(7);
        List<Layer> withoutSecondGru = new ArrayList<>(model.layers());
        withoutSecondGru.remove(1);
        QuantizedModel broken = new QuantizedModel(model.info(), model.rounding(), withoutSecondGru);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CodeGenerator.build(broken, new CodegenConfig()));
        assertEquals("layer gru2: expects 56 input values but the previous layer produces 70", e.getMessage());
    }
}
