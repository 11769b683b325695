package dev.hark.pipeline.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.evaluate.SmallData;
import dev.hark.pipeline.soundstream.HeldOutMaterial;
import dev.hark.pipeline.train.HardNegativeMining;
import dev.hark.pipeline.train.StreamSequenceKind;
import dev.hark.pipeline.train.StreamTrainingRecipe;
import dev.hark.pipeline.train.TrainingSpeakers;
import dev.hark.testing.Slow;
import dev.hark.trainer.augment.AugmentationConfig;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ClipFile;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.distill.DistillationOptions;
import dev.hark.trainer.floatref.CrnnWeights;
import dev.hark.trainer.stream.StreamTuningOptions;
import dev.hark.trainer.train.Example;
import dev.hark.trainer.train.TrainingFeatures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A zoo's training for streams on two tiny models and a tiny data set: what each mining round mines and keeps, the
 * stream loss's fine-tuning, and reruns.
 */
@Slow
class ZooStreamTrainingTest {
    private static final List<Student> ZOO = StudentZoo.parse("""
            teacher  -        2  20x5  8x2  8  1  attention
            student  teacher  1  20x5  8x2  4  1  attention
            """, "tiny zoo");
    /** One round over 36 s of streams at threshold 1 (the detector fires about once a refractory period), 3 kept. */
    private static final StreamTrainingRecipe RECIPE = new StreamTrainingRecipe(0, 1, 0.01, 1, 3, 1);

    @TempDir
    Path dir;

    @Test
    void everyModelMinesItsOwnWindowsTrainsOnWithThemAndARerunTakesAllBackWithoutTraining() throws Exception {
        Tiny tiny = Tiny.in(dir);
        BenchmarkData data = tiny.data();
        TrainingFeatures train = tiny.train();
        List<Example> dev = tiny.dev();
        DistillStage.Settings settings = tiny.settings();
        Path zooDir = dir.resolve("zoo");

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Map<String, CrnnWeights> trained = train(data, train, dev, settings, zooDir, first);

        String said = first.toString(StandardCharsets.UTF_8);
        for (String model : List.of("teacher", "student")) {
            Path mining = zooDir.resolve(model).resolve(DistillStage.MINING);
            assertEquals(3, HardNegativeMining.read(HardNegativeMining.windowsFile(mining, 1)).size(),
                    model + ": the most a round keeps");
            assertTrue(said.contains("[distill] " + model + ": mining round 1, 3 negatives mined so far"), said);
            assertTrue(Files.isDirectory(zooDir.resolve(model).resolve("round-1")), model + "'s round trained");
        }
        assertTrue(said.indexOf("[distill] teacher: mining round 1") < said.indexOf("[distill] student: "),
                "the teacher's round comes before the student trains against it: " + said);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Map<String, CrnnWeights> rerun = train(data, train, dev, settings, zooDir, again);
        String second = again.toString(StandardCharsets.UTF_8);
        assertTrue(second.contains("[mining] round 1: reusing 3 windows"), second);
        assertTrue(!second.contains("[mining] round 1: TRAIN stream"), "nothing mined again: " + second);
        for (String model : trained.keySet()) {
            for (String tensor : trained.get(model).names()) {
                assertArrayEquals(trained.get(model).get(tensor), rerun.get(model).get(tensor), model + " " + tensor);
            }
        }
    }

    @Test
    void aFoldsMiningTrainsOnAndListensToItsTrainingSpeakersAlone() throws Exception {
        BenchmarkData data = SmallData.trainAndDev(dir.resolve("data"));
        List<ClipFile> all = data.wordClips(Split.TRAIN);
        Set<String> speakers = all.stream().map(ClipFile::speaker).distinct().limit(2).collect(Collectors.toSet());
        ZooStreamTraining fold = new ZooStreamTraining(data, RECIPE, Optional.of(new TrainingSpeakers(speakers,
                Set.of())));
        List<ClipFile> words = fold.words();
        assertFalse(words.isEmpty());
        assertTrue(words.size() < all.size(), "a part of the training clips: " + words.size() + " of " + all.size());
        assertTrue(words.stream().allMatch(c -> speakers.contains(c.speaker())), "only the fold's speakers");
        assertEquals("training-speaker", fold.material().name());
        Set<String> heard = new HashSet<>();
        HeldOutMaterial material = fold.material().load();
        material.material().words().forEach(w -> heard.add(w.id()));
        material.material().keywords().forEach(w -> heard.add(w.id()));
        Set<String> expected = words.stream()
                .map(c -> data.folder().root().relativize(c.source()).toString()).collect(Collectors.toSet());
        assertEquals(expected, heard, "the streams are made of the fold's speakers' clips");

        ZooStreamTraining split = new ZooStreamTraining(data, RECIPE);
        assertEquals(all, split.words());
        assertEquals("TRAIN", split.material().name());
    }

    @Test
    void aZooTakesNoPartialKeywordsWhichAreTheBaselinesAlone() {
        BenchmarkData none = null;
        IllegalArgumentException partial = assertThrows(IllegalArgumentException.class,
                () -> new ZooStreamTraining(none, new StreamTrainingRecipe(1, 1, 0.01, 1, 3, 1)));
        assertTrue(partial.getMessage().startsWith("a zoo mines and fine-tunes on streams only"),
                partial.getMessage());
        assertEquals(Optional.empty(), ZooStreamTraining.of(none, StreamTrainingRecipe.NONE));
        assertTrue(ZooStreamTraining.of(none, StreamTrainingRecipe.NONE.withStreamLoss(TINY_STREAM_LOSS)).isPresent(),
                "a stream loss without rounds is training for streams too");
    }

    @Test
    void theStreamLossFineTunesEachModelOnVariedSequencesOfItsSpeakersAndARerunTakesItBack() throws Exception {
        Tiny tiny = Tiny.in(dir);
        BenchmarkData data = tiny.data();
        TrainingFeatures train = tiny.train();
        List<Example> dev = tiny.dev();
        DistillStage.Settings settings = tiny.settings();
        TrainingSpeakers speakers = new TrainingSpeakers(speakers(data, Split.TRAIN), speakers(data, Split.DEV));
        ZooStreamTraining streaming = new ZooStreamTraining(data,
                StreamTrainingRecipe.NONE.withStreamLoss(TINY_STREAM_LOSS, StreamSequenceKind.VARIED),
                Optional.of(speakers));
        List<Student> teacher = ZOO.subList(0, 1);
        Path zooDir = dir.resolve("zoo");

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        Map<String, CrnnWeights> tuned = new LinkedHashMap<>();
        Map<String, CrnnWeights> untuned = new LinkedHashMap<>();
        DistillStage.trainZoo(teacher, train, dev, settings, Optional.of(streaming), zooDir,
                new PrintStream(first, true, StandardCharsets.UTF_8),
                (student, model, runDir) -> tuned.put(student.name(), model.weights()));
        String said = first.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("varied pieces as the sound stream measurement's"), said);
        assertTrue(said.contains("[distill] teacher: stream loss, kept epoch"), said);
        assertFalse(said.contains("mining round"), "no rounds asked for: " + said);
        assertTrue(Files.isDirectory(zooDir.resolve("teacher").resolve(DistillStage.STREAM_LOSS)), said);

        DistillStage.trainZoo(teacher, train, dev, settings, zooDir.resolveSibling("plain"), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                (student, model, runDir) -> untuned.put(student.name(), model.weights()));
        assertFalse(same(tuned.get("teacher"), untuned.get("teacher")), "the fine-tuning moved the weights");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Map<String, CrnnWeights> rerun = new LinkedHashMap<>();
        DistillStage.trainZoo(teacher, train, dev, settings, Optional.of(streaming), zooDir,
                new PrintStream(again, true, StandardCharsets.UTF_8),
                (student, model, runDir) -> rerun.put(student.name(), model.weights()));
        assertTrue(same(tuned.get("teacher"), rerun.get("teacher")), "a rerun takes the tuned model back: "
                + again.toString(StandardCharsets.UTF_8));
    }

    /** One epoch of 4 sequences of 12 s (a keyword after 3 to 10 s in each), 2 side by side. */
    private static final StreamTuningOptions TINY_STREAM_LOSS = StreamTuningOptions.defaults().withEpochs(1)
            .withSequences(4, 12).withBatch(2, 10);

    private static Set<String> speakers(BenchmarkData data, Split split) {
        return data.wordClips(split).stream().map(ClipFile::speaker).collect(Collectors.toSet());
    }

    private static boolean same(CrnnWeights a, CrnnWeights b) {
        for (String tensor : a.names()) {
            if (!java.util.Arrays.equals(a.get(tensor), b.get(tensor))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, CrnnWeights> train(BenchmarkData data, TrainingFeatures train, List<Example> dev,
                                                  DistillStage.Settings settings, Path zooDir,
                                                  ByteArrayOutputStream log) throws Exception {
        Map<String, CrnnWeights> weights = new LinkedHashMap<>();
        DistillStage.trainZoo(ZOO, train, dev, settings, Optional.of(new ZooStreamTraining(data, RECIPE)), zooDir,
                new PrintStream(log, true, StandardCharsets.UTF_8),
                (student, model, runDir) -> weights.put(student.name(), model.weights()));
        return weights;
    }

    /** The tiny data set of these tests, its augmented training clips, dev clips and zoo settings. */
    private record Tiny(BenchmarkData data, TrainingFeatures train, List<Example> dev, DistillStage.Settings settings) {
        static Tiny in(Path dir) throws Exception {
            BenchmarkData data = SmallData.trainAndDev(dir.resolve("data"));
            return new Tiny(data, data.trainingFeatures(AugmentationConfig.defaults(), 5),
                    data.features(Split.DEV, ProgressListener.NONE).examples(),
                    new DistillStage.Settings(SmallData.KEYWORD, 1, 5, DistillationOptions.defaults()));
        }
    }
}
