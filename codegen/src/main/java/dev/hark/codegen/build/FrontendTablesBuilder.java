package dev.hark.codegen.build;

import dev.hark.codegen.model.Comment;
import dev.hark.codegen.model.ConstantArray;
import dev.hark.codegen.model.ConstantDeclaration;
import dev.hark.codegen.model.FileBanner;
import dev.hark.codegen.model.FrontendTablesHeader;
import dev.hark.codegen.model.FrontendTablesSource;
import dev.hark.codegen.model.GeneratedFile;
import dev.hark.codegen.model.MacroConstant;
import dev.hark.sim.frontend.FrontendConfig;
import dev.hark.sim.frontend.FrontendTables;
import dev.hark.sim.frontend.MelFilterbank;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The front end's C constants, {@value #HEADER} and {@value #SOURCE}: every integer constant of
 * {@link FrontendConfig} as a {@code HARK_FRONTEND_} macro and every table of {@link FrontendTables} as a const
 * array. The C front end ({@code firmware-template/hark-frontend}) takes all its numbers from these files, so it
 * computes with exactly the numbers of the Java front end and types none of them itself.
 */
public final class FrontendTablesBuilder {
    public static final String HEADER = "hark_frontend_tables.h";
    public static final String SOURCE = "hark_frontend_tables.c";
    private static final String MACRO_PREFIX = "HARK_FRONTEND_";
    private static final String GUARD = "HARK_FRONTEND_TABLES_H";
    private static final int ALIGNMENT = 4;

    private final boolean emitComments;
    private final List<ConstantArray> tables = new ArrayList<>();
    private final List<ConstantDeclaration> declarations = new ArrayList<>();

    private FrontendTablesBuilder(boolean emitComments) {
        this.emitComments = emitComments;
    }

    /** The two files, header first. */
    public static List<GeneratedFile> build(boolean emitComments) {
        return new FrontendTablesBuilder(emitComments).files();
    }

    private List<GeneratedFile> files() {
        MelFilterbank mel = FrontendTables.melFilterbank();
        table("int16_t", "hann_q15", CFormat.lines(FrontendTables.hannWindowQ15()),
                FrontendConfig.WINDOW_SAMPLES, "Periodic Hann window in Q15, 0..32767 (docs/frontend.md, section 5).");
        table("int32_t", "cos_q30", CFormat.lines(FrontendTables.twiddleCosQ30()), FrontendConfig.FFT_SIZE / 2,
                "FFT twiddles: round(2^30 cos(2 pi k / 512)) for k = 0..255 (section 6).");
        table("int32_t", "sin_q30", CFormat.lines(FrontendTables.twiddleSinQ30()), FrontendConfig.FFT_SIZE / 2,
                "FFT twiddles: round(2^30 sin(2 pi k / 512)) for k = 0..255 (section 6).");
        table("uint16_t", "mel_first_bin", unsigned16(mel.firstBin()), FrontendConfig.MEL_BINS,
                "First FFT bin of each mel filter (section 8).");
        table("uint16_t", "mel_bin_count", unsigned16(mel.binCount()), FrontendConfig.MEL_BINS,
                "Number of FFT bins of each mel filter.");
        table("uint16_t", "mel_weight_offset", unsigned16(mel.weightOffset()), FrontendConfig.MEL_BINS,
                "Index of each mel filter's first weight in hark_frontend_mel_weights_q15.");
        short[] weights = mel.weightsQ15();
        table("int16_t", "mel_weights_q15", CFormat.lines(weights), weights.length,
                "Q15 weights of all mel filters, filter after filter, bin after bin.");

        FileBanner headerBanner = banner(HEADER, "the front end's constants and the declarations of its tables.");
        FileBanner sourceBanner = banner(SOURCE, "the front end's tables (read-only, placed in flash).");
        return List.of(
                new GeneratedFile(HEADER, new FrontendTablesHeader(headerBanner, GUARD, macros(weights.length),
                        declarations)),
                new GeneratedFile(SOURCE, new FrontendTablesSource(sourceBanner, HEADER, tables)));
    }

    private List<MacroConstant> macros(int melWeightCount) {
        List<MacroConstant> macros = new ArrayList<>();
        macros.add(new MacroConstant(MACRO_PREFIX + "ID", CFormat.string(FrontendConfig.ID), comment(
                "The front end these constants belong to; a model names the front end it was trained on"
                        + " (HARK_MODEL_FRONTEND).")));
        boolean first = true;
        for (Map.Entry<String, Long> constant : FrontendConfig.integerConstants().entrySet()) {
            int value = Math.toIntExact(constant.getValue());
            macros.add(new MacroConstant(MACRO_PREFIX + constant.getKey(),
                    value < 0 ? "(" + CFormat.int32(value) + ")" : CFormat.int32(value),
                    first ? comment("The integer constants of FrontendConfig; docs/frontend.md, section 2, says what"
                            + " each one means.") : Comment.NONE));
            first = false;
        }
        macros.add(new MacroConstant(MACRO_PREFIX + "FEATURE_SCALE",
                CFormat.float32((float) FrontendConfig.FEATURE_SCALE), comment(
                "Log2 units per feature code: real = (q - HARK_FRONTEND_FEATURE_ZERO_POINT) *"
                        + " HARK_FRONTEND_FEATURE_SCALE (exact in float).")));
        macros.add(new MacroConstant(MACRO_PREFIX + "MEL_WEIGHT_COUNT", Integer.toString(melWeightCount), comment(
                "Entries of hark_frontend_mel_weights_q15.")));
        return macros;
    }

    /** A table in the source file, declared in the header. */
    private void table(String cType, String part, List<String> lines, int length, String description) {
        String name = "hark_frontend_" + part;
        tables.add(new ConstantArray(name, cType, length, lines, ALIGNMENT, false, comment(description)));
        declarations.add(new ConstantDeclaration(cType, name, length, comment(description)));
    }

    /** Initializer lines of a uint16_t table, checked to fit. */
    private static List<String> unsigned16(int[] values) {
        for (int v : values) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalStateException("front end table value " + v + " does not fit uint16_t");
            }
        }
        return CFormat.lines(values, 16);
    }

    private Comment comment(String text) {
        return emitComments ? Comment.of(text) : Comment.NONE;
    }

    private static FileBanner banner(String file, String purpose) {
        return new FileBanner(Comment.of(file + ": " + purpose).lines(),
                "front end \"" + FrontendConfig.ID + "\"",
                "FrontendConfig and FrontendTables in sim, specified in docs/frontend.md", "FrontendConfig",
                SourcesBuilder.GENERATOR);
    }
}
