package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hark.sim.io.AtomicFiles;
import dev.hark.testing.Slow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hark crossval} through the real command line on a tiny corpus (8 speakers, 3 words, 2 clips each, a
 * background recording; the keyword a loud tone): 2 folds, 2 seeds, 1 epoch, the teacher and one student. It checks
 * the machinery, never the figures: every clip tested exactly once per seed, each speaker in one fold only, and a
 * run killed in the middle of a fold, rerun, gives the very same tables.
 */
@Slow
class CrossvalCommandTest {
    private static final String KEYWORD = TinySpeechCommands.KEYWORD;
    private static final List<String> WORDS = TinySpeechCommands.WORDS;
    private static final int SPEAKERS = TinySpeechCommands.SPEAKERS;
    private static final int CLIPS_PER_WORD = TinySpeechCommands.CLIPS_PER_WORD;

    @TempDir
    Path dir;

    @Test
    void everyClipIsTestedOncePerSeedAndAResumedRunGivesTheSameTables() throws Exception {
        Path data = corpus(dir.resolve("data"));
        Path work = dir.resolve("work");
        String[] command = {"crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w", work.toString(),
                "--folds", "2", "--seeds", "1,2", "--epochs", "1", "--students", "c2-h16-s6", "--resamples", "200"};
        CliRunner.Run first = CliRunner.run(command);
        assertEquals(0, first.exitCode(), first.err());
        Path crossval = work.resolve("crossval");
        Map<String, String> tables = tables(crossval);
        assertTrue(first.out().startsWith("2 folds by speaker (fold seed 1), training seeds 1, 2:"), first.out());
        assertTrue(first.out().contains("| c2-h16-s6 |"), first.out());

        // Every word clip of the corpus (the keyword's included) once, with its fold; plus each TEST noise negative.
        List<String> rows = tables.get("crossval-scores.csv").lines().skip(1).toList();
        Map<String, Integer> tested = new HashMap<>();
        Map<String, String> foldOfSpeaker = new HashMap<>();
        for (String row : rows) {
            String[] fields = row.split(",");
            tested.merge(fields[0], 1, Integer::sum);
            if (!fields[0].startsWith("_background_noise_")) {
                String speaker = fields[0].substring(fields[0].indexOf('/') + 1, fields[0].indexOf("_nohash_"));
                String before = foldOfSpeaker.putIfAbsent(speaker, fields[2]);
                assertTrue(before == null || before.equals(fields[2]), speaker + " is in one fold");
            }
            // clip, label, fold, then teacher and student, float and int8, under 2 seeds
            assertEquals(3 + 2 * 2 * 2, fields.length, row);
        }
        assertTrue(tested.values().stream().allMatch(n -> n == 1), tested.toString());
        List<String> wordClips = wordClips(data);
        assertEquals(WORDS.size() * SPEAKERS * CLIPS_PER_WORD, wordClips.size());
        assertTrue(tested.keySet().containsAll(wordClips), "every word clip is tested");
        assertEquals(SPEAKERS * CLIPS_PER_WORD, rows.stream().filter(r -> r.split(",")[1].equals("1")).count(),
                "every keyword clip once");
        assertTrue(tested.keySet().stream().anyMatch(id -> id.contains("#test-")), "TEST noise negatives are tested");
        assertTrue(tested.keySet().stream().noneMatch(id -> id.contains("#train-") || id.contains("#dev-")));
        assertEquals(List.of("1", "2"), foldOfSpeaker.values().stream().distinct().sorted().toList());

        JsonObject json = JsonParser.parseString(tables.get("crossval-table.json")).getAsJsonObject();
        assertEquals(rows.size(), json.get("clips").getAsInt());
        assertEquals(SPEAKERS * CLIPS_PER_WORD, json.get("positives").getAsInt());
        JsonObject student = json.getAsJsonArray("models").get(1).getAsJsonObject();
        assertEquals("c2-h16-s6", student.get("model").getAsString());
        assertEquals(2, student.getAsJsonObject("float").getAsJsonArray("perSeed").size());
        assertEquals(2, student.getAsJsonObject("versusTeacher").getAsJsonArray("mcnemar").size());

        // As if killed while the student of seed 2, fold 2 trained: its run directory and the fold's scores gone, the
        // teacher's checkpoint there, the tables not yet written.
        Path killedFold = crossval.resolve("seed-2").resolve("fold-2");
        Path teacherCheckpoint = killedFold.resolve("teacher").resolve("checkpoints").resolve("epoch-0001.ckpt");
        assertTrue(Files.isRegularFile(teacherCheckpoint), teacherCheckpoint.toString());
        deleteTree(killedFold.resolve("c2-h16-s6"));
        Files.delete(killedFold.resolve("scores.csv"));
        for (String table : tables.keySet()) {
            Files.delete(crossval.resolve(table));
        }
        Path finishedFold = crossval.resolve("seed-1").resolve("fold-1").resolve("scores.csv");
        FileTime finishedAt = Files.getLastModifiedTime(finishedFold);
        FileTime teacherAt = Files.getLastModifiedTime(teacherCheckpoint);

        CliRunner.Run resumed = CliRunner.run(command);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(tables, tables(crossval));
        assertEquals(first.out(), resumed.out());
        assertEquals(finishedAt, Files.getLastModifiedTime(finishedFold), "a finished fold is read, not redone");
        assertEquals(teacherAt, Files.getLastModifiedTime(teacherCheckpoint),
                "the teacher resumed from its checkpoint");
        assertTrue(Files.isRegularFile(killedFold.resolve("scores.csv")));
    }

    @Test
    void prunedAndBranchedModelsAreRowsOfTheSameTableAndResumeAfterAKill() throws Exception {
        Path data = corpus(dir.resolve("data"));
        Path work = dir.resolve("work");
        String[] command = {"crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w", work.toString(),
                "--folds", "2", "--seeds", "1", "--epochs", "1", "--students", "c2-h16-s6", "--branched-conv",
                "--prune", "0.5", "--prune-epochs", "1", "--resamples", "200"};
        CliRunner.Run first = CliRunner.run(command);
        assertEquals(0, first.exitCode(), first.err());
        Path crossval = work.resolve("crossval");
        Map<String, String> tables = tables(crossval);

        JsonObject json = JsonParser.parseString(tables.get("crossval-table.json")).getAsJsonObject();
        List<String> models = new ArrayList<>();
        json.getAsJsonArray("models").forEach(m -> models.add(m.getAsJsonObject().get("model").getAsString()));
        assertEquals(List.of("teacher", "c2-h16-s6", "c2-h16-s6-branched", "teacher-c50-u50"), models);
        for (int m = 1; m < models.size(); m++) {
            JsonObject row = json.getAsJsonArray("models").get(m).getAsJsonObject();
            assertEquals(1, row.getAsJsonObject("versusTeacher").getAsJsonArray("mcnemar").size(), models.get(m));
        }
        // clip, label, fold, then four models, float and int8, under 1 seed
        assertTrue(tables.get("crossval-scores.csv").lines().allMatch(r -> r.split(",").length == 3 + 4 * 2),
                tables.get("crossval-scores.csv"));
        // The pruned teacher keeps half the teacher's conv channels; the branched student is folded to the plain
        // student's shape, so it has the student's parameters.
        JsonObject teacher = json.getAsJsonArray("models").get(0).getAsJsonObject();
        JsonObject pruned = json.getAsJsonArray("models").get(3).getAsJsonObject();
        assertTrue(pruned.get("params").getAsInt() < teacher.get("params").getAsInt(), pruned.toString());
        assertEquals(json.getAsJsonArray("models").get(1).getAsJsonObject().get("params"),
                json.getAsJsonArray("models").get(2).getAsJsonObject().get("params"));
        Path fold = crossval.resolve("seed-1").resolve("fold-2");
        assertTrue(Files.isRegularFile(fold.resolve("c2-h16-s6-branched").resolve("model.hark")));
        assertTrue(Files.isRegularFile(fold.resolve("teacher-c50-u50").resolve("model.hark")));

        // As if killed once the pruned teacher of fold 2 wrote its last checkpoint: its saved and int8 models, the
        // fold's scores and the tables not written; the branched student finished. Fold 1 as if killed while the
        // pruned teacher fine-tuned from scratch: its run directory gone.
        Path prunedCheckpoint = fold.resolve("teacher-c50-u50").resolve("checkpoints").resolve("epoch-0001.ckpt");
        FileTime prunedAt = Files.getLastModifiedTime(prunedCheckpoint);
        deleteTree(fold.resolve("teacher-c50-u50").resolve("model"));
        Files.delete(fold.resolve("teacher-c50-u50").resolve("model.hark"));
        Files.delete(fold.resolve("scores.csv"));
        Path firstFold = crossval.resolve("seed-1").resolve("fold-1");
        deleteTree(firstFold.resolve("teacher-c50-u50"));
        Files.delete(firstFold.resolve("scores.csv"));
        for (String table : tables.keySet()) {
            Files.delete(crossval.resolve(table));
        }
        Path branchedCheckpoint = fold.resolve("c2-h16-s6-branched").resolve("checkpoints")
                .resolve("epoch-0001.ckpt");
        FileTime branchedAt = Files.getLastModifiedTime(branchedCheckpoint);
        CliRunner.Run resumed = CliRunner.run(command);
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(tables, tables(crossval));
        assertEquals(first.out(), resumed.out());
        assertEquals(branchedAt, Files.getLastModifiedTime(branchedCheckpoint), "the branched student is reused");
        assertEquals(prunedAt, Files.getLastModifiedTime(prunedCheckpoint), "the pruned teacher is not fine-tuned "
                + "again");
        assertTrue(Files.isRegularFile(firstFold.resolve("teacher-c50-u50").resolve("model.hark")));

        // The same pruned teacher fine-tuned for another number of epochs is refused, not mixed in.
        String[] other = command.clone();
        other[List.of(command).indexOf("--prune-epochs") + 1] = "2";
        CliRunner.Run refused = CliRunner.run(other);
        assertTrue(refused.exitCode() != 0, refused.err());
        assertTrue(refused.err().contains("teacher-c50-u50 was cross-validated here with other settings"),
                refused.err());
    }

    @Test
    void aFinishedFolderGainsPrunedRowsWithoutTrainingItsModelsAgain() throws Exception {
        Path data = corpus(dir.resolve("data"));
        Path work = dir.resolve("work");
        List<String> common = List.of("crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                work.toString(), "--folds", "2", "--seeds", "1", "--epochs", "1", "--students", "c2-h16-s6",
                "--resamples", "200");
        CliRunner.Run first = CliRunner.run(common.toArray(String[]::new));
        assertEquals(0, first.exitCode(), first.err());
        Path fold = work.resolve("crossval").resolve("seed-1").resolve("fold-2");
        Path teacherCheckpoint = fold.resolve("teacher").resolve("checkpoints").resolve("epoch-0001.ckpt");
        Path studentCheckpoint = fold.resolve("c2-h16-s6").resolve("checkpoints").resolve("epoch-0001.ckpt");
        FileTime teacherAt = Files.getLastModifiedTime(teacherCheckpoint);
        FileTime studentAt = Files.getLastModifiedTime(studentCheckpoint);
        String firstScores = Files.readString(fold.resolve("scores.csv"));

        // Pruned with distillation: the teacher, the student after its distillation, the pruned teacher again.
        List<String> more = new ArrayList<>(common);
        more.addAll(List.of("--prune", "0.5,c2-h16-s6=0.5,teacher-c50-u50-kd=0.5", "--prune-distill",
                "--prune-epochs", "1"));
        CliRunner.Run gained = CliRunner.run(more.toArray(String[]::new));
        assertEquals(0, gained.exitCode(), gained.err());
        JsonObject json = JsonParser.parseString(Files.readString(work.resolve("crossval")
                .resolve("crossval-table.json"))).getAsJsonObject();
        List<String> models = new ArrayList<>();
        json.getAsJsonArray("models").forEach(m -> models.add(m.getAsJsonObject().get("model").getAsString()));
        assertEquals(List.of("teacher", "c2-h16-s6", "teacher-c50-u50-kd", "c2-h16-s6-c50-u50-kd",
                "teacher-c50-u50-kd-c50-u50-kd"), models);
        int teacherParams = json.getAsJsonArray("models").get(2).getAsJsonObject().get("params").getAsInt();
        int twiceParams = json.getAsJsonArray("models").get(4).getAsJsonObject().get("params").getAsInt();
        assertTrue(twiceParams < teacherParams, "pruned twice is smaller than pruned once");
        assertEquals(teacherAt, Files.getLastModifiedTime(teacherCheckpoint), "the teacher is not trained again");
        assertEquals(studentAt, Files.getLastModifiedTime(studentCheckpoint), "nor the student");
        List<String> scores = Files.readAllLines(fold.resolve("scores.csv"));
        assertTrue(scores.get(0).startsWith(firstScores.lines().findFirst().orElseThrow() + ","), scores.get(0));
        assertTrue(Files.isRegularFile(fold.resolve("teacher-c50-u50-kd-c50-u50-kd").resolve("model.hark")));

        // A source that is no earlier row is bad input naming the option.
        List<String> unknown = new ArrayList<>(common);
        unknown.addAll(List.of("--prune", "c4-h24=0.5"));
        CliRunner.assertOneLineError(CliRunner.run(unknown.toArray(String[]::new)),
                "--prune: pruning: no model 'c4-h24' to prune before it");
    }

    @Test
    void aBadPruningAmountIsBadInputNamingTheOption() throws Exception {
        Path data = corpus(dir.resolve("data"));
        CliRunner.Run run = CliRunner.run("crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                dir.resolve("work").toString(), "--students", "c2-h16-s6", "--prune", "1.5");
        CliRunner.assertOneLineError(run, "--prune 1.5: pruning: the fractions of conv channels (1.5)");
    }

    @Test
    void otherSettingsOnTheSameFolderAreRefusedNamingIt() throws Exception {
        Path data = corpus(dir.resolve("data"));
        Path work = dir.resolve("work");
        Path stamp = work.resolve("crossval").resolve("crossval.settings");
        AtomicFiles.writeString(stamp, "folds=7\n");
        CliRunner.Run run = CliRunner.run("crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                work.toString(), "--folds", "2", "--seeds", "1", "--epochs", "1", "--students", "c2-h16-s6");
        assertTrue(run.exitCode() != 0, run.err());
        assertTrue(run.err().contains(stamp + ": this cross-validation was run with other settings"), run.err());
        assertEquals("folds=7\n", Files.readString(stamp));
    }

    @Test
    void anUnknownStudentIsBadInputNamingTheOption() throws Exception {
        Path data = corpus(dir.resolve("data"));
        CliRunner.Run run = CliRunner.run("crossval", "--data", data.toString(), "--keyword", KEYWORD, "-w",
                dir.resolve("work").toString(), "--students", "c3");
        CliRunner.assertOneLineError(run, "--students: no model 'c3' in the student zoo");
    }

    /** The tables a cross-validation writes, by file name, to compare one run's with another's. */
    static Map<String, String> tables(Path crossval) throws IOException {
        Map<String, String> tables = new HashMap<>();
        for (String name : List.of("crossval-table.md", "crossval-table.csv", "crossval-table.json",
                "crossval-scores.csv")) {
            tables.put(name, Files.readString(crossval.resolve(name)));
        }
        return tables;
    }

    private static Path corpus(Path root) throws IOException {
        return TinySpeechCommands.write(root);
    }

    private static List<String> wordClips(Path data) throws IOException {
        List<String> clips = new ArrayList<>();
        for (String word : WORDS) {
            try (Stream<Path> files = Files.list(data.resolve(word))) {
                files.forEach(f -> clips.add(word + "/" + f.getFileName()));
            }
        }
        return clips;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
