package dev.hark.codegen.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** C spellings of values: integer and float literals, string literals, identifiers and wrapped initializers. */
public final class CFormat {
    private CFormat() {
    }

    /**
     * An int32 literal that means the same on every C compiler: {@code INT32_MIN} is written
     * {@code (-2147483647 - 1)} because {@code -2147483648} is the negation of a constant too large for int.
     */
    public static String int32(int value) {
        return value == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(value);
    }

    /** A float literal with an {@code f} suffix that reads back as exactly {@code value}. */
    public static String float32(float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("cannot write " + value + " as a C float literal");
        }
        return Float.toString(value).toLowerCase(Locale.ROOT) + "f";
    }

    /** A double-quoted C string literal; quotes, backslashes and non-printable characters are escaped. */
    public static String string(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F && c != '?') {
                out.append((char) c);
            } else {
                // Octal escapes are at most three digits long, so they cannot swallow a following character.
                out.append(String.format(Locale.ROOT, "\\%03o", c));
            }
        }
        return out.append('"').toString();
    }

    /**
     * Turns a model name (for example {@code attention.weights}) into a lower-case C identifier fragment:
     * letters and digits kept, everything else becomes {@code _}, a leading digit gets a {@code _} prefix.
     */
    public static String identifier(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append((c < 128 && Character.isLetterOrDigit(c)) ? Character.toLowerCase(c) : '_');
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** Comment text made safe for a C block comment. */
    public static String commentText(String text) {
        return text.replace("*/", "* /").replace("/*", "/ *");
    }

    /** Initializer lines for int8 values, 16 per line, right-aligned, each value followed by a comma. */
    public static List<String> lines(byte[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = Integer.toString(values[i]);
        }
        return wrap(text, 16);
    }

    /** Initializer lines for int16 values, 16 per line, right-aligned, each value followed by a comma. */
    public static List<String> lines(short[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = Integer.toString(values[i]);
        }
        return wrap(text, 16);
    }

    /** Initializer lines for int32 values, 8 per line, right-aligned, each value followed by a comma. */
    public static List<String> lines(int[] values) {
        return lines(values, 8);
    }

    /** Initializer lines for int32 values, {@code perLine} per line, right-aligned, each followed by a comma. */
    public static List<String> lines(int[] values, int perLine) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = int32(values[i]);
        }
        return wrap(text, perLine);
    }

    private static List<String> wrap(String[] values, int perLine) {
        int width = 0;
        for (String v : values) {
            width = Math.max(width, v.length());
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i % perLine != 0) {
                line.append(' ');
            }
            line.append(" ".repeat(width - values[i].length())).append(values[i]).append(',');
            if (i % perLine == perLine - 1 || i == values.length - 1) {
                lines.add(line.toString());
                line.setLength(0);
            }
        }
        return lines;
    }
}
