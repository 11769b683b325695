package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.testing.Slow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark crossval --stream-hours} through the real command line on the tiny corpus of
 * {@link CrossvalCommandTest}: 2 folds, 2 seeds, 1 epoch, the teacher and one student, a few minutes of stream per
 * fold. It checks the machinery, never the figures: every keyword clip of the corpus heard once per seed over the
 * folds, the columns beside every row of the table, per fold, seed and model a counts file and (with
 * {@code --stream-dev-hours}) the detector it chose on its fold's dev speakers' streams, and a run killed before one of
 * them was written, rerun, gives the very same tables and hears nothing else again.
 */
@Slow
class CrossvalStreamsCommandTest {
    private static final String KEYWORD = TinySpeechCommands.KEYWORD;
    private static final double HOURS_PER_FOLD = 0.02;
    private static final double DEV_HOURS = 0.02;

    @TempDir
    Path dir;

    @Test
    void everyKeywordIsHeardOncePerSeedBesideTheTableAndAResumedRunGivesTheSameTables() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        Path work = dir.resolve("work");
        String[] command = {"crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w", work.toString(),
                "--folds", "2", "--seeds", "1,2", "--epochs", "1", "--students", "c2-h16-s6", "--resamples", "200",
                "--stream-hours", Double.toString(HOURS_PER_FOLD), "--stream-dev-hours", Double.toString(DEV_HOURS)};
        CliRunner.Run first = CliRunner.run(command);
        assertEquals(0, first.exitCode(), first.err());
        Path crossval = work.resolve("crossval");
        Map<String, String> tables = CrossvalCommandTest.tables(crossval);
        assertTrue(first.out().startsWith("2 folds by speaker (fold seed 1), training seeds 1, 2:"), first.out());
        assertTrue(first.out().contains("| int8 FRR at <= 0.5 FA/h [95%] |"), first.out());
        assertTrue(tables.get("crossval-table.md").contains("| int8 FRR at <= 1 FA/h [95%] |"));
        assertTrue(first.out().contains("detector chosen for each model, fold and seed on 0.02 h of varied streams "
                + "of the fold's dev speakers"), first.out());
        assertTrue(first.out().contains("Detectors chosen, per model over its folds and seeds: teacher: mean of "),
                first.out());

        int keywords = TinySpeechCommands.SPEAKERS * TinySpeechCommands.CLIPS_PER_WORD;
        JsonObject json = JsonParser.parseString(tables.get("crossval-table.json")).getAsJsonObject();
        assertEquals(keywords, json.get("positives").getAsInt());
        JsonArray models = json.getAsJsonArray("models");
        assertEquals(2, models.size());
        for (JsonElement m : models) {
            JsonArray budgets = m.getAsJsonObject().getAsJsonArray("stream");
            assertEquals(List.of(0.5, 1.0), List.of(budgets.get(0).getAsJsonObject().get("faBudget").getAsDouble(),
                    budgets.get(1).getAsJsonObject().get("faBudget").getAsDouble()));
            for (JsonElement b : budgets) {
                JsonArray perSeed = b.getAsJsonObject().getAsJsonArray("perSeed");
                assertEquals(2, perSeed.size(), m.toString());
                for (JsonElement s : perSeed) {
                    // Pooled over the folds: every keyword clip of the corpus once, at least the hours asked for.
                    assertEquals(keywords, s.getAsJsonObject().get("keywords").getAsInt(), m.toString());
                    assertTrue(s.getAsJsonObject().get("hours").getAsDouble() >= 2 * HOURS_PER_FOLD, m.toString());
                }
            }
        }
        // The clip table's columns, then the streams' on every line.
        List<String> csv = tables.get("crossval-table.csv").lines().toList();
        assertEquals(3, csv.size());
        int columns = csv.get(0).split(",", -1).length;
        assertTrue(csv.get(0).contains(",stream_frr_at_0.5,") && csv.get(0).contains(",stream_frr_at_1,"), csv.get(0));
        csv.forEach(line -> assertEquals(columns, line.split(",", -1).length, line));

        Path streams = crossval.resolve("streams");
        for (String seed : List.of("seed-1", "seed-2")) {
            for (String fold : List.of("fold-1", "fold-2")) {
                for (String model : List.of("teacher", "c2-h16-s6")) {
                    assertTrue(Files.isRegularFile(streams.resolve(seed).resolve(fold).resolve(model + ".csv")),
                            seed + "/" + fold + "/" + model);
                    String detector = Files.readString(streams.resolve(seed).resolve(fold)
                            .resolve(model + "-detector.properties"));
                    assertTrue(detector.contains("of " + fold + "'s dev speakers"), detector);
                }
            }
        }

        // As if killed while fold 2 was heard: one model's counts and detector and the tables not written.
        Path killed = streams.resolve("seed-2").resolve("fold-2").resolve("c2-h16-s6.csv");
        Path killedDetector = streams.resolve("seed-2").resolve("fold-2").resolve("c2-h16-s6-detector.properties");
        String detectorBefore = Files.readString(killedDetector);
        Files.delete(killed);
        Files.delete(killedDetector);
        for (String table : tables.keySet()) {
            Files.delete(crossval.resolve(table));
        }
        Path kept = streams.resolve("seed-1").resolve("fold-1").resolve("teacher.csv");
        FileTime keptAt = Files.getLastModifiedTime(kept);
        Path sameFold = streams.resolve("seed-1").resolve("fold-2").resolve("c2-h16-s6.csv");
        FileTime sameFoldAt = Files.getLastModifiedTime(sameFold);
        CliRunner.Run resumed = CliRunner.run(command);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(tables, CrossvalCommandTest.tables(crossval));
        assertEquals(first.out(), resumed.out());
        assertEquals(keptAt, Files.getLastModifiedTime(kept), "a fold heard by every model is read, not heard again");
        assertEquals(sameFoldAt, Files.getLastModifiedTime(sameFold), "only the model without counts listens");
        assertTrue(Files.isRegularFile(killed));
        assertEquals(detectorBefore, Files.readString(killedDetector), "the same streams choose the same detector");

        // Other dev hours, or a fixed detector, on the same folder are refused, not mixed in.
        String[] other = command.clone();
        other[other.length - 1] = "0.03";
        String[] fixed = Arrays.copyOf(command, command.length - 2);
        for (String[] refusedCommand : List.of(other, fixed)) {
            CliRunner.Run refused = CliRunner.run(refusedCommand);
            assertTrue(refused.exitCode() != 0, refused.err());
            assertTrue(refused.err().contains(streams.resolve("streams.settings") + ": this cross-validation was "
                    + "run with other settings"), refused.err());
        }

        // Without the streams, the same models listen again with the detector fixed for the table.
        deleteTree(streams);
        CliRunner.Run fixedRun = CliRunner.run(fixed);
        assertEquals(0, fixedRun.exitCode(), fixedRun.err());
        assertTrue(fixedRun.out().contains("detector fixed for the table (mean of 5 scores, 1 s refractory, chosen on "
                + "no stream)"), fixedRun.out());
        assertFalse(fixedRun.out().contains("Detectors chosen"), fixedRun.out());
        assertTrue(Files.isRegularFile(killed));
        assertFalse(Files.exists(killedDetector), "a fixed detector is chosen nowhere");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void noStreamHoursIsBadInputNamingTheOption() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        CliRunner.Run run = CliRunner.run("crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                dir.resolve("work").toString(), "--students", "c2-h16-s6", "--stream-hours", "0");
        CliRunner.assertOneLineError(run, "--stream-hours must be positive, got 0.0");
    }

    @Test
    void detectorOptionsOutOfPlaceAreBadInputNamingTheOption() throws Exception {
        Path data = TinySpeechCommands.write(dir.resolve("data"));
        String[] base = {"crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                dir.resolve("work").toString(), "--students", "c2-h16-s6"};
        CliRunner.assertOneLineError(CliRunner.run(with(base, "--stream-smoothing", "3")),
                "--stream-smoothing needs --stream-hours");
        CliRunner.assertOneLineError(CliRunner.run(with(base, "--stream-dev-hours", "1")),
                "--stream-dev-hours needs --stream-hours");
        CliRunner.assertOneLineError(CliRunner.run(with(base, "--stream-hours", "1", "--stream-refractory", "2",
                "--stream-dev-hours", "1")), "--stream-dev-hours chooses the detector that --stream-refractory "
                + "fixes: give one");
        CliRunner.assertOneLineError(CliRunner.run(with(base, "--stream-hours", "1", "--stream-dev-hours", "0")),
                "--stream-dev-hours must be positive, got 0.0");
        CliRunner.assertOneLineError(CliRunner.run(with(base, "--stream-hours", "1", "--stream-smoothing", "0")),
                "--stream-smoothing: ");
        assertTrue(Files.notExists(dir.resolve("work").resolve("crossval")), "refused before anything is written");
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
