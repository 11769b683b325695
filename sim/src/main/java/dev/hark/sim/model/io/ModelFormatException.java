package dev.hark.sim.model.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be used: its message is one line naming the file and the problem. */
public class ModelFormatException extends IOException {
    public ModelFormatException(Path file, String problem) {
        super(oneLine(file + ": " + problem));
    }

    /**
     * The text with its control characters written as escapes (a line feed as backslash and n, others as backslash, u
     * and four hex digits): a problem quotes the file's own strings (a tensor's name, its dtype), which a damaged or
     * hostile file may break across lines.
     */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
