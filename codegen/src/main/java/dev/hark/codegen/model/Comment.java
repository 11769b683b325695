package dev.hark.codegen.model;

import dev.hark.codegen.build.CFormat;
import dev.hark.codegen.writer.ModelElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A C comment, already wrapped into lines: rendered as {@code /* line * /} when it has one line, as a block
 * comment when it has more, and not at all when it has none. Pass {@code indent} to the include for nested code.
 */
public record Comment(List<String> lines) implements ModelElement {
    /** No comment (what every element gets when comments are switched off). */
    public static final Comment NONE = new Comment(List.of());

    /** Lines are wrapped at this many characters of text, which keeps indented comments within 120 columns. */
    public static final int WIDTH = 104;

    public Comment {
        lines = List.copyOf(lines);
    }

    /**
     * Wraps {@code text} at word boundaries; a {@code "\n"} in the text forces a new line, an empty line between
     * paragraphs is kept.
     */
    public static Comment of(String text) {
        if (text.isBlank()) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        for (String paragraph : CFormat.commentText(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split(" +")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
        }
        return new Comment(lines);
    }

    /** Keeps preformatted lines (a table) exactly as they are. */
    public static Comment verbatim(List<String> lines) {
        List<String> safe = new ArrayList<>();
        for (String line : lines) {
            safe.add(CFormat.commentText(line).stripTrailing());
        }
        return new Comment(safe);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }
}
