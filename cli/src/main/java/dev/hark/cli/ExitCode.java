package dev.hark.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What {@code hark} returns to the shell; {@code hark --help} lists them. */
public enum ExitCode {
    /** Everything worked (for {@code verify}: zero differing bytes). */
    OK(0, "ok"),
    /** Bad input: a file that cannot be read or does not have the expected format. */
    BAD_INPUT(1, "bad input (one line naming the file or option and the problem)"),
    /** Wrong command-line usage (picocli's own convention). */
    USAGE(2, "wrong usage"),
    /** The firmware and the simulator disagree: the product's promise is broken. */
    MISMATCH(3, "firmware and simulator differ"),
    /** A tool the step needs (compiler, emulator, speech synthesizer) is missing or failed. */
    TOOL_FAILED(4, "a tool is missing or failed"),
    /** The model misses a quality gate of {@code hark evaluate} ({@code --max-frr}, {@code --max-au-fa-fr}). */
    QUALITY_GATE(5, "the model misses the quality gate (hark evaluate --max-frr, --max-au-fa-fr)"),
    /** An unexpected internal error (a bug in hark). */
    INTERNAL(70, "internal error");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    /** Every code with its meaning, in the form picocli's usage help lists them. */
    static Map<String, String> usageList() {
        Map<String, String> list = new LinkedHashMap<>();
        Arrays.stream(values()).forEach(c -> list.put(String.format(Locale.ROOT, "%2d", c.code), c.meaning));
        return list;
    }
}
