package dev.hark.sim.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.detect.DetectionSettings;
import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.DenseLayer;
import dev.hark.sim.model.FullyConnected;
import dev.hark.sim.model.ModelInfo;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.sim.model.SoftmaxLayer;
import dev.hark.sim.model.TensorQuant;
import dev.hark.sim.model.TrainingSpeakers;
import dev.hark.sim.program.KeywordScore;
import dev.hark.testing.Fast;
import dev.hark.testing.ModelFileBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Fast
class ModelFileTest {
    @TempDir
    Path dir;

    static QuantizedModel smallModel() {
        ModelInfo info = new ModelInfo("tiny", "sheila", List.of("other", "sheila"), 1, 3,
                new TensorQuant(0.125f, -128), "hark-logmel-v1", "test");
        FullyConnected fc = new FullyConnected(3, 2, new byte[] {1, -2, 3, -127, 127, 0}, new int[] {100, -7},
                128, -5, 1 << 30, -3, -128, 127);
        return new QuantizedModel(info, Rounding.DOUBLE, List.of(
                new DenseLayer("logits", fc, new TensorQuant(0.5f, -5)),
                new SoftmaxLayer("probs", 2, 1 << 30, 23, -248)));
    }

    @Test
    void roundTripKeepsEveryValue() throws Exception {
        Path file = dir.resolve("m.hark");
        QuantizedModel model = smallModel();
        ModelFile.write(model, file);
        QuantizedModel back = ModelFile.read(file);

        assertEquals(model.info(), back.info());
        assertEquals(model.rounding(), back.rounding());
        DenseLayer dense = (DenseLayer) back.layers().get(0);
        FullyConnected fc = ((DenseLayer) model.layers().get(0)).fc();
        assertArrayEquals(fc.weights(), dense.fc().weights());
        assertArrayEquals(fc.bias(), dense.fc().bias());
        assertEquals(fc.multiplier(), dense.fc().multiplier());
        assertEquals(fc.shift(), dense.fc().shift());
        assertEquals(model.layers().get(1), back.layers().get(1));
        assertArrayEquals(ModelFile.toBytes(model), ModelFile.toBytes(back), "writing is deterministic");
    }

    @Test
    void trainingSpeakersGoInTheHeaderAsHashesAndAModelWithoutThemIsWrittenAsBefore() throws Exception {
        QuantizedModel without = smallModel();
        String header = new String(ModelFile.toBytes(without), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(header.contains("trainingSpeakers"), header);
        Path oldFile = dir.resolve("old.hark");
        ModelFile.write(without, oldFile);
        assertTrue(ModelFile.read(oldFile).info().knownTrainingSpeakers().isEmpty());

        QuantizedModel with = new QuantizedModel(without.info().withTrainingSpeakers(
                TrainingSpeakers.ofDeterministicSalt(List.of("anna", "0a2b4c6d"))), without.rounding(),
                without.layers());
        Path file = dir.resolve("with.hark");
        ModelFile.write(with, file);
        String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\"trainingSpeakers\""), text);
        assertFalse(text.contains("anna") || text.contains("0a2b4c6d"), text);
        QuantizedModel back = ModelFile.read(file);
        assertEquals(with.info(), back.info());
        TrainingSpeakers speakers = back.info().knownTrainingSpeakers().orElseThrow();
        assertTrue(speakers.contains("anna") && speakers.contains("0a2b4c6d"));
        assertFalse(speakers.contains("bob"));
    }

    @Test
    void theChosenDetectorRoundTripsAndAModelWithoutOneIsWrittenAsBefore() throws Exception {
        QuantizedModel without = smallModel();
        byte[] before = ModelFile.toBytes(without);
        assertFalse(ModelFileBytes.header(before).contains("detector"), ModelFileBytes.header(before));
        QuantizedModel readWithout = ModelFile.fromBytes(before, Path.of("old.hark"));
        assertTrue(readWithout.knownDetector().isEmpty());
        assertEquals(DetectionSettings.DEFAULT, readWithout.detector(), "a file without one listens as documented");

        QuantizedModel with = without.withDetector(new DetectionSettings(12, 201, 7));
        byte[] bytes = ModelFile.toBytes(with);
        assertTrue(ModelFileBytes.header(bytes).contains(
                "\"detector\":{\"version\":2,\"smoothingSteps\":12,\"threshold\":201,\"refractorySteps\":7}"),
                ModelFileBytes.header(bytes));
        assertEquals(1, java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt(ModelFileBytes.VERSION_OFFSET), "the optional section needs no new format version");
        QuantizedModel back = ModelFile.fromBytes(bytes, Path.of("m.hark"));
        assertEquals(new DetectionSettings(12, 201, 7), back.detector());
        assertArrayEquals(bytes, ModelFile.toBytes(back), "writing is deterministic");
        assertArrayEquals(before, ModelFile.toBytes(back.withDetector(null)), "only the section differs");
    }

    @Test
    void aDetectorChosenOnTheSoftmaxsProbabilityListensAtTheSameProbabilityOnTheScore() throws Exception {
        QuantizedModel with = smallModel().withDetector(new DetectionSettings(12, 201, 7));
        byte[] bytes = ModelFile.toBytes(with);
        String header = ModelFileBytes.header(bytes);
        byte[] version1 = ModelFileBytes.withHeader(bytes, header.replace(
                "\"version\":2,\"smoothingSteps\":12,\"threshold\":201",
                "\"version\":1,\"smoothingSteps\":12,\"threshold\":254"));
        assertEquals(new DetectionSettings(12, KeywordScore.ofPosterior(254), 7),
                ModelFile.fromBytes(version1, Path.of("old.hark")).detector(), "254/256 is log-odds ln 127");
    }

    @Test
    void aBadDetectorSectionIsOneLineNamingTheFileAndTheValue() {
        String header = ModelFileBytes.header(ModelFile.toBytes(smallModel().withDetector(
                new DetectionSettings(5, 192, 12))));
        String[][] cases = {
                {"\"smoothingSteps\":5", "\"smoothingSteps\":65", "smoothing must cover 1 to 64 steps, got 65"},
                {"\"smoothingSteps\":5", "\"smoothingSteps\":0", "smoothing must cover 1 to 64 steps, got 0"},
                {"\"threshold\":192", "\"threshold\":256", "threshold must be a score of 1 to 255, got 256"},
                {"\"threshold\":192", "\"threshold\":0", "threshold must be a score of 1 to 255, got 0"},
                {"\"refractorySteps\":12", "\"refractorySteps\":-1", "at least 0 steps, got -1"},
                {"\"refractorySteps\":12", "\"refractorySteps\":1.5", "detector.refractorySteps"},
                {",\"threshold\":192", "", "detector.threshold is missing"},
                {"\"version\":2,", "\"version\":3,", "detector section version 3 is not supported"},
        };
        for (String[] c : cases) {
            assertTrue(header.contains(c[0]), c[0]);
            byte[] bad = ModelFileBytes.withHeader(ModelFile.toBytes(smallModel().withDetector(
                    new DetectionSettings(5, 192, 12))), header.replace(c[0], c[1]));
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes(bad,
                    Path.of("m.hark")));
            assertTrue(e.getMessage().startsWith("m.hark") && e.getMessage().contains(c[2])
                    && !e.getMessage().contains("\n"), c[1] + ": " + e.getMessage());
        }
    }

    @Test
    void aMalformedTrainingSpeakerRecordIsNamed() throws Exception {
        QuantizedModel with = new QuantizedModel(smallModel().info().withTrainingSpeakers(
                TrainingSpeakers.of(List.of("anna"), "00ff")), Rounding.DOUBLE, smallModel().layers());
        String json = new String(ModelFile.toBytes(with), java.nio.charset.StandardCharsets.ISO_8859_1);
        String hash = with.info().trainingSpeakers().hashes().get(0);
        byte[] bad = json.replace(hash, "not-hex-" + hash.substring(8)).getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        // The checksum is recomputed, so that the reader gets as far as the header's structure.
        System.arraycopy(dev.hark.sim.io.Checksums.sha256(bad, 0, bad.length - 32), 0, bad, bad.length - 32, 32);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.fromBytes(bad,
                Path.of("m.hark")));
        assertTrue(e.getMessage().contains("info.trainingSpeakers") && e.getMessage().contains("not-hex-"),
                e.getMessage());
    }

    @Test
    void headerDescribesTheModelInReadableJson() {
        byte[] bytes = ModelFile.toBytes(smallModel());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\"type\":\"DenseLayer\""), text);
        assertTrue(text.contains("\"keyword\":\"sheila\""), text);
        assertTrue(text.contains("\"dtype\":\"int32\""), text);
    }

    @Test
    void flippedBitIsACorruptedFile() throws Exception {
        byte[] bytes = ModelFile.toBytes(smallModel());
        bytes[bytes.length - 40] ^= 1;
        Path file = dir.resolve("bad.hark");
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertEquals(file + ": checksum mismatch: the file is corrupted or truncated", e.getMessage());
    }

    @Test
    void truncatedFileIsRejected() throws Exception {
        byte[] bytes = ModelFile.toBytes(smallModel());
        Path file = dir.resolve("half.hark");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().startsWith(file + ": checksum mismatch"), e.getMessage());
    }

    @Test
    void otherFilesAndVersionsAreNamed() throws Exception {
        Path wav = dir.resolve("clip.wav");
        Files.write(wav, "RIFF....WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(wav + ": not a hark model file (bad magic)",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(wav)).getMessage());

        byte[] bytes = ModelFile.toBytes(smallModel());
        bytes[8] = 9;
        Path future = dir.resolve("future.hark");
        Files.write(future, bytes);
        assertEquals(future + ": format version 9 is not supported (this hark reads 1 to 2)",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(future)).getMessage());

        Path missing = dir.resolve("missing.hark");
        assertEquals(missing + ": no such file",
                assertThrows(ModelFormatException.class, () -> ModelFile.read(missing)).getMessage());
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("m.hark");
        ModelFile.write(smallModel(), file);
        ModelFile.write(smallModel(), file);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
