package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.io.Executables;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the bad-input corpus ({@link BadInputCorpus}) through the real command line: exactly one line on
 * stderr, matching the case's message (the file or option named, and the cause), the case's exit code, no stack
 * trace unless {@code --verbose} asks for one, and every file as it was: nothing overwritten, nothing half-written.
 * The table in {@code docs/errors.md} is the corpus rendered, and checked here to be so.
 */
@Fast
class BadInputCorpusTest {
    /** The doc's table: between these lines it is generated; {@code -Dhark.bad-input.write-doc=true} rewrites it. */
    static final Path DOC = Path.of("../docs/errors.md");
    static final String TABLE_START = "<!-- bad-input table: generated from cli/src/test/resources/bad-input -->";
    static final String TABLE_END = "<!-- end of the bad-input table -->";

    @TempDir
    Path dir;

    static Stream<Named<BadInputCorpus>> cases() throws IOException {
        return BadInputCorpus.all().stream().map(c -> Named.of(c.name(), c));
    }

    @Test
    void theCorpusHasAtLeastFortyCases() throws IOException {
        assertTrue(BadInputCorpus.all().size() >= 40, "cases: " + BadInputCorpus.all().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineNamingTheCauseTheDocumentedCodeAndNothingWritten(BadInputCorpus c) throws Exception {
        Path caseDir = dir.resolve("case");
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        Files.createDirectories(caseDir);
        c.materialize(caseDir);
        Map<String, String> before = snapshot(caseDir, tmp);

        CliRunner.Run run = run(c, c.args(caseDir, tmp));

        String err = run.err();
        String got = err.strip().replace(caseDir.toString(), "${case}").replace(tmp.toString(), "${tmp}");
        assertEquals(c.exitCode(), run.exitCode(), c.name() + ": " + err);
        assertTrue(err.endsWith("\n") && err.indexOf('\n') == err.length() - 1,
                c.name() + ": exactly one line on stderr:\n" + err);
        assertTrue(c.messagePattern(caseDir, tmp).matcher(err.strip()).matches(),
                c.name() + ":\nexpected " + c.message() + "\n     got " + got);
        assertEquals(before, snapshot(caseDir, tmp), c.name() + ": every file as it was, nothing new");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void verboseAddsTheStackTraceAfterTheSameLine(BadInputCorpus c) throws Exception {
        Path caseDir = dir.resolve("case");
        Path tmp = dir.resolve("tmp");
        Files.createDirectories(tmp);
        Files.createDirectories(caseDir);
        c.materialize(caseDir);
        List<String> args = new ArrayList<>(List.of(ErrorHandler.VERBOSE));
        args.addAll(c.args(caseDir, tmp));

        CliRunner.Run run = run(c, args);

        assertEquals(c.exitCode(), run.exitCode(), c.name() + ": " + run.err());
        List<String> lines = run.err().lines().toList();
        assertTrue(c.messagePattern(caseDir, tmp).matcher(lines.get(0)).matches(), c.name() + ": " + run.err());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("\tat ")), c.name() + ": a stack trace:\n" + run.err());
    }

    @Test
    void theDocListsEveryCaseAsTheCorpusHasIt() throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf(TABLE_START);
        int end = doc.indexOf(TABLE_END);
        String table = table(BadInputCorpus.all());
        if (Boolean.getBoolean("hark.bad-input.write-doc") && start >= 0 && end > start) {
            doc = doc.substring(0, start + TABLE_START.length()) + "\n" + table + doc.substring(end);
            Files.writeString(DOC, doc);
            end = doc.indexOf(TABLE_END);
        }
        assertTrue(start >= 0 && end > start, DOC + " has the table's markers");
        assertEquals(table, doc.substring(start + TABLE_START.length() + 1, end),
                DOC + " is the corpus's table (rewrite it with -Dhark.bad-input.write-doc=true)");
    }

    @Test
    void theDocListsEveryExitCode() throws IOException {
        String doc = Files.readString(DOC);
        for (ExitCode code : ExitCode.values()) {
            assertTrue(doc.contains("\n| " + code.code() + " | "), DOC + " lists exit code " + code);
        }
    }

    static String table(List<BadInputCorpus> cases) {
        StringBuilder t = new StringBuilder("| case | input | command | exit | message |\n|---|---|---|---|---|\n");
        for (BadInputCorpus c : cases) {
            t.append("| ").append(c.name()).append(" | ").append(cell(c.description())).append(" | `")
                    .append(cell(String.join(" ", c.command()))).append("`")
                    .append(c.pathTools() == null ? "" : " (PATH: " + String.join(", ", c.pathTools()) + ")")
                    .append(" | ").append(c.exitCode()).append(" | ").append(cell(c.message())).append(" |\n");
        }
        return t.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** In this JVM, or, when the case sets the PATH, as a separate process of the same classpath. */
    private CliRunner.Run run(BadInputCorpus c, List<String> args) throws Exception {
        if (c.pathTools() == null) {
            return CliRunner.run(args.toArray(String[]::new));
        }
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : c.pathTools()) {
            Path found = Executables.find(tool).orElse(null);
            Assumptions.assumeTrue(found != null, tool + " is not installed, so a PATH with only it cannot be made");
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"), Hark.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("PATH", bin.toString());
        builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        int code = builder.start().waitFor();
        return new CliRunner.Run(code, Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /** Every file and folder under the roots: its content's digest, or "folder". */
    private static Map<String, String> snapshot(Path... roots) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.toList()) {
                    all.put(p.toString(), Files.isDirectory(p) ? "folder" : digest(p));
                }
            }
        }
        return all;
    }

    private static String digest(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return bytes.length + " bytes, SHA-256 "
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
