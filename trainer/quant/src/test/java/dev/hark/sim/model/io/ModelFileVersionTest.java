package dev.hark.sim.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.sim.kernels.Rounding;
import dev.hark.sim.model.LastStepLayer;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.trainer.quant.RandomModels;
import dev.hark.testing.Fast;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format versions: a model with a {@link LastStepLayer} is a version-2 file, any other model stays a version-1
 * file (what version-1 readers know), and a version-1 file cannot smuggle in a version-2 layer.
 */
@Fast
class ModelFileVersionTest {
    @TempDir
    Path dir;

    private static QuantizedModel lastStepModel() {
        return RandomModels.create(RandomModels.tinyShape().toBuilder().optAttention(false).build(), 3, Rounding.DOUBLE);
    }

    @Test
    void attentionModelsAreStillWrittenAsVersionOne() {
        byte[] bytes = ModelFile.toBytes(RandomModels.tiny(3));
        assertEquals(1, versionOf(bytes));
        assertTrue(header(bytes).contains("\"formatVersion\":1,"), header(bytes));
    }

    @Test
    void lastStepModelsAreVersionTwoAndRoundTrip() throws Exception {
        QuantizedModel model = lastStepModel();
        Path file = dir.resolve("last-step.hark");
        ModelFile.write(model, file);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(2, versionOf(bytes));
        assertTrue(header(bytes).contains("{\"type\":\"LastStepLayer\",\"name\":\"context\",\"steps\":7,"
                + "\"hiddenSize\":8}"), header(bytes));

        QuantizedModel back = ModelFile.read(file);
        LastStepLayer layer = assertInstanceOf(LastStepLayer.class, back.layers().get(3));
        assertEquals(model.layers().get(3), layer);
        assertEquals(model.tracedTensors(), back.tracedTensors());
        assertArrayEquals(bytes, ModelFile.toBytes(back), "writing is deterministic");
    }

    @Test
    void aVersionOneFileWithALastStepLayerIsRejected() throws Exception {
        byte[] bytes = ModelFile.toBytes(lastStepModel());
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(ModelFile.MAGIC.length, 1);
        replaceInHeader(bytes, "\"formatVersion\":2,", "\"formatVersion\":1,");
        resign(bytes);
        Path file = dir.resolve("v1.hark");
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertEquals(file + ": format version 1 has no layer type LastStepLayer (it needs version 2)",
                e.getMessage());
    }

    @Test
    void theHeaderMustDeclareThePreamblesVersion() throws Exception {
        byte[] bytes = ModelFile.toBytes(RandomModels.tiny(3));
        replaceInHeader(bytes, "\"formatVersion\":1,", "\"formatVersion\":2,");
        resign(bytes);
        Path file = dir.resolve("mixed.hark");
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertEquals(file + ": malformed header: formatVersion 2 differs from the file's version 1", e.getMessage());
    }

    /** Replaces text of the same length in the JSON header. */
    private static void replaceInHeader(byte[] bytes, String from, String to) {
        String header = header(bytes);
        int at = header.indexOf(from);
        assertTrue(at >= 0 && from.length() == to.length(), header);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(replacement, 0, bytes, ModelFile.PREAMBLE + at, replacement.length);
    }

    private static int versionOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(ModelFile.MAGIC.length);
    }

    private static String header(byte[] bytes) {
        int length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(ModelFile.MAGIC.length + 4);
        return new String(bytes, ModelFile.PREAMBLE, length, StandardCharsets.UTF_8);
    }

    /** Recomputes the trailing SHA-256 after an edit, as a writer of that content would have. */
    private static void resign(byte[] bytes) throws Exception {
        int body = bytes.length - ModelFile.CHECKSUM_BYTES;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(bytes, 0, body);
        System.arraycopy(sha.digest(), 0, bytes, body, ModelFile.CHECKSUM_BYTES);
    }
}
