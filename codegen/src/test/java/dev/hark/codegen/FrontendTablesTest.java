package dev.hark.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.FrontendTables;
import dev.hark.sim.frontend.MelFilterbank;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.testing.Fast;
import dev.hark.trainer.quant.RandomModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark_frontend_tables.h/.c} hold exactly the constants and tables of the Java front end: read back from the
 * generated text, every macro equals its {@link FrontendConfig} constant and every array its {@link FrontendTables}
 * table. (The golden files pin the text; this test says the text is right.)
 */
@Fast
class FrontendTablesTest {
    @TempDir
    Path dir;

    @Test
    void everyIntegerConstantOfFrontendConfigIsAMacro() throws IOException {
        String header = generated().get("hark_frontend_tables.h");
        for (Map.Entry<String, Long> constant : FrontendConfig.integerConstants().entrySet()) {
            long value = constant.getValue();
            String text = value < 0 ? "(" + value + ")" : Long.toString(value);
            assertTrue(header.contains("#define HARK_FRONTEND_" + constant.getKey() + " " + text + "\n"),
                    constant.getKey());
        }
        assertTrue(header.contains("#define HARK_FRONTEND_ID \"" + FrontendConfig.ID + "\"\n"));
        assertTrue(header.contains("#define HARK_FRONTEND_MEL_WEIGHT_COUNT "
                + FrontendTables.melFilterbank().weightsQ15().length + "\n"));
    }

    @Test
    void everyTableReadsBackAsTheJavaTable() throws IOException {
        String source = generated().get("hark_frontend_tables.c");
        MelFilterbank mel = FrontendTables.melFilterbank();
        assertArrayEquals(widen(FrontendTables.hannWindowQ15()), array(source, "int16_t", "hark_frontend_hann_q15"));
        assertArrayEquals(FrontendTables.twiddleCosQ30(), array(source, "int32_t", "hark_frontend_cos_q30"));
        assertArrayEquals(FrontendTables.twiddleSinQ30(), array(source, "int32_t", "hark_frontend_sin_q30"));
        assertArrayEquals(mel.firstBin(), array(source, "uint16_t", "hark_frontend_mel_first_bin"));
        assertArrayEquals(mel.binCount(), array(source, "uint16_t", "hark_frontend_mel_bin_count"));
        assertArrayEquals(mel.weightOffset(), array(source, "uint16_t", "hark_frontend_mel_weight_offset"));
        assertArrayEquals(widen(mel.weightsQ15()), array(source, "int16_t", "hark_frontend_mel_weights_q15"));
    }

    @Test
    void generatedAloneTheFilesEqualThoseThatComeWithAModel() throws IOException {
        CodeGenerator.generateFrontend(dir, true);
        Map<String, String> withModel = generated();
        try (var files = Files.list(dir)) {
            assertEquals(List.of(".hark-generated", "hark_frontend_tables.c", "hark_frontend_tables.h"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String name : List.of("hark_frontend_tables.c", "hark_frontend_tables.h")) {
            assertEquals(withModel.get(name), Files.readString(dir.resolve(name), StandardCharsets.UTF_8), name);
        }
    }

    @Test
    void aModelOfAnotherFrontEndGetsNoTables() {
        QuantizedModel model = RandomModels.tiny(8);
        ModelInfo info = model.info();
        QuantizedModel other = new QuantizedModel(new ModelInfo(info.name(), info.keyword(), info.labels(),
                info.frames(), info.melBins(), info.inputQuant(), "someone-elses-mfcc", info.producer()),
                model.rounding(), model.layers());
        Map<String, String> files = CodeGenerator.render(CodeGenerator.build(other, new CodegenConfig()));
        assertFalse(files.containsKey("hark_frontend_tables.h"), files.keySet()::toString);
        assertFalse(files.containsKey("hark_frontend_tables.c"), files.keySet()::toString);
        assertTrue(files.containsKey("hark_network.c"));
    }

    private static Map<String, String> generated() {
        return CodeGenerator.render(CodeGenerator.build(RandomModels.tiny(GoldenFilesTest.GOLDEN_SEED),
                new CodegenConfig()));
    }

    /** The values of {@code const <type> <name>[n] ... = { ... };}, checked to number n. */
    private static int[] array(String source, String cType, String name) {
        Matcher m = Pattern.compile("const " + cType + " " + name + "\\[(\\d+)\\][^=]*= \\{([^}]*)\\};")
                .matcher(source);
        assertTrue(m.find(), name + " not found");
        int[] values = Pattern.compile("[,\\s]+").splitAsStream(m.group(2).strip()).filter(t -> !t.isEmpty())
                .mapToInt(Integer::parseInt).toArray();
        assertEquals(Integer.parseInt(m.group(1)), values.length, name + " length");
        return values;
    }

    private static int[] widen(short[] values) {
        int[] wide = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }
}
