package dev.hark.pipeline.soundstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.pipeline.evaluate.SmallData;
import dev.hark.pipeline.scoring.ModelListeners;
import dev.hark.pipeline.workspace.DetectorFile;
import dev.hark.pipeline.workspace.Workspace;
import dev.hark.testing.Fast;
import dev.hark.trainer.augment.BenchmarkData;
import dev.hark.trainer.data.ProgressListener;
import dev.hark.trainer.data.SpeakerSplit;
import dev.hark.trainer.data.SpeechCommandsFolder;
import dev.hark.trainer.data.Split;
import dev.hark.trainer.eval.DetectorChoice;
import dev.hark.trainer.eval.DetectorTiming;
import dev.hark.trainer.eval.SoundStreamTable;
import dev.hark.trainer.eval.StreamOutcome;
import dev.hark.trainer.eval.StreamSource;
import dev.hark.trainer.floatref.CrnnWeights;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class SoundStreamStageTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path dir;

    private BenchmarkData data() throws IOException {
        List<String> speakers = new ArrayList<>(SmallData.speakers(Split.TEST, 2));
        speakers.addAll(SmallData.speakers(Split.TRAIN, 2));
        speakers.addAll(SmallData.speakers(Split.DEV, 2));
        Path root = SmallData.folder(dir.resolve("data"), speakers, 2, 20, 1);
        return BenchmarkData.of(SpeechCommandsFolder.load(root), SmallData.KEYWORD, false);
    }

    @Test
    void heldOutMaterialIsTheSplitsClipsAndItsPortionOfTheRecordingsEachNamed() throws IOException {
        HeldOutMaterial held = HeldOutMaterial.of(data(), Split.TEST, List.of());
        assertEquals(4, held.material().keywords().size(), "2 test speakers x 2 clips");
        assertEquals(8, held.material().words().size(), "2 other words x 2 test speakers x 2 clips");
        for (StreamSource s : held.material().keywords()) {
            assertEquals(SmallData.KEYWORD, s.label());
            assertTrue(s.id().startsWith(SmallData.KEYWORD + "/"), s.id());
        }
        for (StreamSource s : held.material().words()) {
            assertTrue(SmallData.OTHER_WORDS.contains(s.label()), s.label());
            assertTrue(s.id().startsWith(s.label() + "/"), s.id());
            String speaker = s.id().substring(s.id().indexOf('/') + 1, s.id().indexOf("_nohash_"));
            assertEquals(Split.TEST, SpeakerSplit.defaultSplit().of(speaker), s.id());
        }
        StreamSource hum = held.material().background().get(0);
        assertEquals(List.of("hum"), held.material().background().stream().map(StreamSource::id).toList());
        assertEquals(StreamSource.BACKGROUND, hum.label());
        assertEquals(2 * 16000, hum.samples().length, "the last tenth of 20 s");
        assertEquals(2 * 16000, held.noise().length(0));
        assertTrue(held.material().speech().isEmpty());
    }

    @Test
    void everyNetworkIsCountedAtEachBudgetOverAllStreams() throws IOException {
        BenchmarkData data = data();
        CrnnWeights weights = SmallData.weights(3);
        ModelListeners listeners = ModelListeners.of(weights,
                SmallData.model(weights, data.features(Split.TRAIN, ProgressListener.NONE)));
        SoundStreamSettings settings = new SoundStreamSettings(Split.TEST, 0.02, 0.01, 1, 0);
        assertEquals(2, settings.streams());
        SoundStreamTable table = SoundStreamStage.run(data, settings, listeners.named(), DetectorTiming.DEFAULT,
                dir.resolve("speech"), 1, QUIET).table();
        assertEquals(List.of("float", "float", "int8", "int8"), table.rows().stream()
                .map(SoundStreamTable.Row::network).toList());
        assertEquals(List.of(0.5, 1.0, 0.5, 1.0), table.rows().stream().map(SoundStreamTable.Row::faBudget)
                .toList());
        int keywords = table.rows().get(0).outcome().keywords();
        assertTrue(keywords >= 2, keywords + " keywords in 72 s");
        for (SoundStreamTable.Row row : table.rows()) {
            assertEquals(keywords, row.outcome().keywords());
            assertEquals(0.02, row.outcome().hours(), 1e-3);
            assertEquals(0, row.outcome().falseAlarms(), "0.02 h allow no false alarm at either budget");
            assertEquals(row.outcome().falseAlarms(), row.causes().size());
        }
        assertTrue(table.description().contains("no synthetic speech: none asked for"), table.description());
        assertTrue(table.markdown().contains("| int8 | <= 0.5 |"), table.markdown());
    }

    @Test
    void theDetectorIsChosenOnDevStreamsRecordedAndMeasuredWithOnTest() throws IOException {
        BenchmarkData data = data();
        CrnnWeights weights = SmallData.weights(3);
        ModelListeners listeners = ModelListeners.of(weights,
                SmallData.model(weights, data.features(Split.TRAIN, ProgressListener.NONE)));
        Workspace workspace = new Workspace(dir.resolve("work"));
        SoundStreamSettings settings = new SoundStreamSettings(Split.TEST, 0.02, 0.01, 1, 0);

        SoundStreamStage.Result r = SoundStreamRun.run(data, workspace, settings, listeners, 0.02, false, 1, QUIET);

        DetectorTiming chosen = DetectorFile.read(workspace.detector()).orElseThrow();
        assertEquals(chosen, r.timing());
        assertTrue(DetectorChoice.defaultCandidates().contains(chosen), chosen.toString());
        String candidates = Files.readString(workspace.detectorChoiceTable());
        assertTrue(candidates.contains("DEV-split") && candidates.contains("| yes |"), candidates);
        assertTrue(Files.readString(workspace.detector()).matches("(?s).*\nscore.threshold=\\d{1,3}\n.*"),
                "the threshold the device listens with: " + Files.readString(workspace.detector()));
        assertTrue(r.table().description().contains("TEST-split"), r.table().description());
        assertTrue(Files.size(workspace.soundStreamDetCurve()) > 1000);
        assertEquals(r.table().markdown(), Files.readString(workspace.soundStreamTable()));
        // The DET curve's points are the table's counts: each row is the curve at the row's threshold.
        for (SoundStreamTable.Row row : r.table().rows()) {
            StreamOutcome o = row.outcome();
            assertEquals(o, r.curves().get(row.network()).get(o.threshold() - 1));
        }

        // A recorded detector is used as it is: the measurement runs again without choosing.
        DetectorFile.write(workspace.detector(), new DetectorTiming(3, 2), 200, "by hand");
        assertEquals(new DetectorTiming(3, 2), SoundStreamRun.run(data, workspace, settings, listeners, 0.02, false,
                1, QUIET).timing());
    }

    @Test
    void theDetectorIsNeverChosenOnTestStreams() throws IOException {
        BenchmarkData data = data();
        CrnnWeights weights = SmallData.weights(3);
        ModelListeners listeners = ModelListeners.of(weights,
                SmallData.model(weights, data.features(Split.TRAIN, ProgressListener.NONE)));
        assertThrows(IllegalArgumentException.class, () -> SoundStreamStage.chooseDetector(data,
                new SoundStreamSettings(Split.TEST, 0.01, 0.01, 1, 0), "int8", listeners.int8Model(),
                dir.resolve("speech"), 1, QUIET));
    }
}
