package dev.hark.trainer.report;

import dev.hark.sim.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-contained HTML report: one directory with {@code index.html} and the PNG files it shows.
 *
 * <p>Add headings, paragraphs, tables and charts in order, then {@link #write(Path)}: charts are rendered to
 * PNG files next to the page, every file written atomically, and the page only refers to files in the
 * directory by plain relative names. All text is HTML-escaped.
 */
public final class HtmlReport {
    private final String title;
    private final List<Part> parts = new ArrayList<>();

    /** A table: caption, header cells and rows of cells (each row as long as the header). */
    public record Table(String caption, List<String> header, List<List<String>> rows) {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("report table '" + caption + "': a row has " + row.size()
                            + " cells, the header " + header.size());
                }
            }
        }
    }

    private sealed interface Part permits Heading, Paragraph, TablePart, ChartPart {
    }

    private record Heading(String text) implements Part {
    }

    private record Paragraph(String text) implements Part {
    }

    private record TablePart(Table table) implements Part {
    }

    private record ChartPart(String fileName, LineChart chart, String caption) implements Part {
    }

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        parts.add(new Heading(text));
        return this;
    }

    public HtmlReport paragraph(String text) {
        parts.add(new Paragraph(text));
        return this;
    }

    public HtmlReport table(Table table) {
        parts.add(new TablePart(table));
        return this;
    }

    public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
        return table(new Table(caption, header, rows));
    }

    /**
     * A chart, written as {@code fileName} next to the page.
     *
     * @throws IllegalArgumentException if the name is not a plain {@code .png} file name or is already used
     */
    public HtmlReport chart(String fileName, LineChart chart, String caption) {
        if (!fileName.matches("[A-Za-z0-9._-]+\\.png") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("report: chart file name must be a plain name ending in .png, got "
                    + fileName);
        }
        for (Part p : parts) {
            if (p instanceof ChartPart c && c.fileName().equals(fileName)) {
                throw new IllegalArgumentException("report: chart file name used twice: " + fileName);
            }
        }
        parts.add(new ChartPart(fileName, chart, caption));
        return this;
    }

    /** The names of the PNG files {@link #write} creates, in page order. */
    public List<String> imageFiles() {
        return parts.stream().filter(p -> p instanceof ChartPart).map(p -> ((ChartPart) p).fileName()).toList();
    }

    /**
     * Writes the PNGs and then {@code index.html} into {@code dir} (created if needed).
     *
     * @return the page's path
     */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Part p : parts) {
            if (p instanceof ChartPart c) {
                LineChartRenderer.writePng(c.chart(), dir.resolve(c.fileName()));
            }
        }
        Path page = dir.resolve("index.html");
        AtomicFiles.writeString(page, html());
        return page;
    }

    /** The page's HTML. */
    public String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body { font-family: sans-serif; max-width: 1000px; margin: 2em auto; color: #222; }\n")
                .append("table { border-collapse: collapse; margin: 1em 0; }\n")
                .append("th, td { border: 1px solid #bbb; padding: 4px 10px; text-align: right; }\n")
                .append("th { background: #eee; } td:first-child, th:first-child { text-align: left; }\n")
                .append("caption { font-weight: bold; text-align: left; padding: 4px 0; }\n")
                .append("figure { margin: 1.5em 0; } img { max-width: 100%; border: 1px solid #ddd; }\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Part p : parts) {
            if (p instanceof Heading x) {
                h.append("<h2>").append(escape(x.text())).append("</h2>\n");
            } else if (p instanceof Paragraph x) {
                h.append("<p>").append(escape(x.text())).append("</p>\n");
            } else if (p instanceof TablePart x) {
                appendTable(h, x.table());
            } else if (p instanceof ChartPart x) {
                h.append("<figure><img src=\"").append(escape(x.fileName())).append("\" width=\"")
                        .append(x.chart().width()).append("\" height=\"").append(x.chart().height())
                        .append("\" alt=\"").append(escape(x.caption())).append("\"><figcaption>")
                        .append(escape(x.caption())).append("</figcaption></figure>\n");
            }
        }
        return h.append("</body>\n</html>\n").toString();
    }

    private static void appendTable(StringBuilder h, Table t) {
        h.append("<table>\n<caption>").append(escape(t.caption())).append("</caption>\n<tr>");
        for (String cell : t.header()) {
            h.append("<th>").append(escape(cell)).append("</th>");
        }
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append("<td>").append(escape(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
