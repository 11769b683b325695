package dev.hark.firmware;

import dev.hark.sim.audio.PdmFilters;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The C text of hark-audio's hark_pdm_tables.h and hark_pdm_tables.c, rendered from {@link PdmFilters}: the one
 * definition of the decimator's constants. {@link PdmTablesTest} checks the files in the template against it.
 */
final class PdmTablesSource {
    static final String HEADER_PATH = "hark-audio/Include/hark_pdm_tables.h";
    static final String SOURCE_PATH = "hark-audio/Source/hark_pdm_tables.c";

    private static final String NOTICE = """
            /*
             * SPDX-License-Identifier: Apache-2.0
             * Copyright hark authors
             *
             * Generated from dev.hark.sim.audio.PdmFilters (sim); do not edit. PdmTablesTest (firmware-template) checks
             * this file against that class and, when they differ, writes the file as it should be under
             * firmware-template/target/pdm-tables/.
             *
            """;

    private PdmTablesSource() {
    }

    static String header() {
        StringBuilder c = new StringBuilder(NOTICE);
        c.append("""
                 * The constants of the PDM decimator (hark_pdm.h, docs/pdm.md).
                 */

                #ifndef HARK_PDM_TABLES_H
                #define HARK_PDM_TABLES_H

                #include <stdint.h>

                """);
        define(c, "CIC_ORDER", PdmFilters.CIC_ORDER + "u", "order of the sinc (CIC) filter");
        define(c, "BYTE_SPAN", PdmFilters.BYTE_SPAN + "u", "bytes the first stage (sinc^N over 8 bits) spans");
        define(c, "MIN_BYTES_PER_SAMPLE", PdmFilters.MIN_DECIMATION / PdmFilters.BYTE_BITS + "u",
                "bytes per PCM sample at the smallest decimation");
        define(c, "FIR_HALF", PdmFilters.FIR_HALF + "u", "index of the FIR's centre tap");
        define(c, "FIR_TAPS", PdmFilters.FIR_TAPS + "u", "the FIR's length");
        define(c, "FIR_DECIMATION", PdmFilters.FIR_DECIMATION + "u", "the FIR's decimation");
        define(c, "FIR_TO_DC_SHIFT", Integer.toString(PdmFilters.FIR_TO_DC_SHIFT),
                "the FIR's sum (full scale 2^29) to the DC blocker's scale (2^24)");
        define(c, "DC_BLOCK_SHIFT", Integer.toString(PdmFilters.DC_BLOCK_SHIFT), "the DC blocker's pole, 1 - 2^-shift");
        define(c, "GAIN_FRACTION_BITS", Integer.toString(PdmFilters.GAIN_FRACTION_BITS), "fraction bits of the gain");
        define(c, "DC_TO_OUTPUT_SHIFT", Integer.toString(PdmFilters.DC_TO_OUTPUT_SHIFT),
                "the DC blocker's scale (2^24) to int16 (2^15)");
        define(c, "MAX_GAIN_Q8", Integer.toString(PdmFilters.MAX_GAIN_Q8), "the largest gain");
        define(c, "DECIMATION_COUNT", PdmFilters.decimations().size() + "u", "the supported PDM clocks");
        c.append("""

                /** One PDM clock: decimation = 16 * cic_decimation; the CIC's output to Q14 is
                 *  (value * multiplier + 2^31) >> 32. */
                typedef struct
                {
                    uint32_t decimation;
                    uint32_t cic_decimation;
                    int32_t multiplier;
                } hark_pdm_decimation;

                extern const hark_pdm_decimation hark_pdm_decimations[HARK_PDM_DECIMATION_COUNT];

                /** [order][t][b]: the sum of the sinc^N-over-8-bits coefficients at the bits of byte b, t bytes old, + for
                 *  a 1 bit and - for a 0 bit; order 0 reads b's most significant bit as the earliest, order 1 its least
                 *  significant. */
                extern const int16_t hark_pdm_byte_sums[2][HARK_PDM_BYTE_SPAN][256];

                /** The FIR's taps, Q15, symmetric, summing to exactly 2^15. */
                extern const int16_t hark_pdm_fir_q15[HARK_PDM_FIR_TAPS];

                #endif /* HARK_PDM_TABLES_H */
                """);
        return c.toString();
    }

    static String source() {
        StringBuilder c = new StringBuilder(NOTICE);
        c.append("""
                 * The tables of hark_pdm_tables.h.
                 */

                #include "hark_pdm_tables.h"

                const hark_pdm_decimation hark_pdm_decimations[HARK_PDM_DECIMATION_COUNT] = {
                """);
        List<PdmFilters.Decimation> decimations = PdmFilters.decimations();
        for (PdmFilters.Decimation d : decimations) {
            c.append("    {").append(d.decimation()).append("u, ").append(d.cicDecimation()).append("u, ")
                    .append(d.multiplier()).append("},\n");
        }
        c.append("};\n\nconst int16_t hark_pdm_byte_sums[2][HARK_PDM_BYTE_SPAN][256] = {\n");
        for (int[][] order : PdmFilters.byteSums()) {
            c.append("    {\n");
            for (int[] row : order) {
                c.append("        {\n");
                values(c, row.length, 16, "            ", i -> Integer.toString(row[i]));
                c.append("        },\n");
            }
            c.append("    },\n");
        }
        c.append("};\n\nconst int16_t hark_pdm_fir_q15[HARK_PDM_FIR_TAPS] = {\n");
        short[] fir = PdmFilters.firQ15();
        values(c, fir.length, 12, "    ", i -> Short.toString(fir[i]));
        c.append("};\n");
        return c.toString();
    }

    private static void define(StringBuilder c, String name, String value, String meaning) {
        c.append("#define HARK_PDM_").append(name).append(' ').append(value).append(" /* ").append(meaning)
                .append(" */\n");
    }

    private static void values(StringBuilder c, int count, int perLine, String indent, IntFunction<String> value) {
        for (int i = 0; i < count; i += perLine) {
            c.append(indent);
            for (int j = i; j < Math.min(count, i + perLine); j++) {
                c.append(value.apply(j)).append(j + 1 < count ? "," : "").append(j + 1 < Math.min(count, i + perLine) ? " " : "");
            }
            c.append('\n');
        }
    }
}
