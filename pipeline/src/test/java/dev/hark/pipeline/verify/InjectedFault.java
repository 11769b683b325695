package dev.hark.pipeline.verify;

import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deliberate fault in a case's generated C, so that the random-model run's failure path (the report, the shrinker,
 * the replay) is tested against a real differing build. The fault flips bit 0x40 of one weight of the second GRU
 * layer, the layer and bit the mismatch-localisation test ({@code EndToEndTest}) corrupts in a trace: only a
 * network of two GRU layers carries it, so a shrinker that keeps the cause must keep both layers.
 */
enum InjectedFault {
    /** The generated C as generated. */
    NONE,
    /**
     * The first weight of the second GRU layer's input-to-reset-gate matrix, bit 0x40 flipped (a value of int8 range
     * either way, whether the C holds the matrix as int8 or widened to int16).
     */
    GRU2_WEIGHT;

    /** The matrix as the generated C holds it: widened to int16, or int8. */
    private static final Pattern FIRST_GRU2_WEIGHT = Pattern.compile(
            "(hark_gru2_input_r(?:_widened)?_weights\\[\\d+\\][^=]*=\\s*\\{\\s*)(-?\\d+)");

    /** The name on the command line and in case files: {@code none}, {@code gru2-weight}. */
    String optionName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static InjectedFault ofOptionName(String name) {
        for (InjectedFault fault : values()) {
            if (fault.optionName().equals(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "'; expected none or gru2-weight");
    }

    /** Applies the fault to the C generated in {@code directory}; a network without a second GRU layer is left alone. */
    void apply(Path directory) throws IOException {
        if (this == NONE) {
            return;
        }
        Path data = directory.resolve("hark_model_data.c");
        String text = Files.readString(data);
        Matcher m = FIRST_GRU2_WEIGHT.matcher(text);
        if (!m.find()) {
            // A network of two GRU layers whose weight the pattern misses would pass as if the fault had been found
            // harmless: the generated C's names have changed, and the pattern must follow them.
            if (text.contains("hark_gru2_")) {
                throw new IllegalStateException(data + ": has a second GRU layer but no weight array the fault "
                        + InjectedFault.GRU2_WEIGHT.optionName() + " knows");
            }
            return;
        }
        // The matrix is there in each form a core may compile (widened with the DSP extension, int8 without): the
        // same weight flipped in each, so every build carries the fault.
        StringBuilder faulty = new StringBuilder();
        int copied = 0;
        do {
            int flipped = (byte) (Integer.parseInt(m.group(2)) ^ 0x40);
            faulty.append(text, copied, m.start(2)).append(flipped);
            copied = m.end(2);
        } while (m.find());
        AtomicFiles.writeString(data, faulty.append(text.substring(copied)).toString());
    }
}
